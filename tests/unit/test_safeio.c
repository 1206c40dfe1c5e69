/*
 * test_safeio.c: output files that appear whole or not at all, and the
 * one rule for temporary files (include/safeio.h).
 *
 * Each test works in a fresh directory of its own under the system's
 * temporary directory and removes it afterwards.  The signal tests fork:
 * the child opens an output, stops itself with the signal, and the parent
 * checks that it died of that signal and left no temporary file.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "safeio.h"

static char	 dir[PATH_MAX];

static int
setup(void **state)
{
	const char	*t;

	if ((t = getenv("TMPDIR")) == NULL || *t == '\0')
		t = "/tmp";
	snprintf(dir, sizeof(dir), "%s/test_safeio.XXXXXX", t);
	if (mkdtemp(dir) == NULL)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	struct dirent	*de;
	DIR		*d;
	char		 p[PATH_MAX * 2];

	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(p, sizeof(p), "%s/%s", dir, de->d_name);
			unlink(p);
		}
		closedir(d);
	}
	rmdir(dir);
	return 0;
}

/* The names in dir, sorted, joined by spaces. */
static char *
names(char *buf, size_t sz)
{
	struct dirent	*de;
	DIR		*d;
	char		*v[16];
	size_t		 n, i, j;
	char		*t;

	n = 0;
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL && n < 16)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			v[n++] = strdup(de->d_name);
	closedir(d);
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i > 0)
			strncat(buf, " ", sz - strlen(buf) - 1);
		strncat(buf, v[i], sz - strlen(buf) - 1);
		free(v[i]);
	}
	return buf;
}

static void
put(const char *name, const char *text)
{
	char	 p[PATH_MAX * 2];
	FILE	*f;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	assert_non_null(f = fopen(p, "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static char *
get(const char *name, char *buf, size_t sz)
{
	char	 p[PATH_MAX * 2];
	FILE	*f;
	size_t	 n;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	assert_non_null(f = fopen(p, "r"));
	n = fread(buf, 1, sz - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void
test_commit_replaces(void **state)
{
	struct safe_out	 so;
	char		 p[PATH_MAX * 2], err[256], buf[256];

	put("out.txt", "old\n");
	snprintf(p, sizeof(p), "%s/out.txt", dir);
	assert_int_equal(safe_open(&so, p, stdout, err, sizeof(err)), 0);
	fputs("new\n", so.f);
	/* Until the commit, the old file is what a reader sees. */
	assert_string_equal(get("out.txt", buf, sizeof(buf)), "old\n");
	assert_int_equal(safe_commit(&so, err, sizeof(err)), 0);
	assert_string_equal(get("out.txt", buf, sizeof(buf)), "new\n");
	assert_string_equal(names(buf, sizeof(buf)), "out.txt");
}

static void
test_abort_keeps(void **state)
{
	struct safe_out	 so;
	char		 p[PATH_MAX * 2], err[256], buf[256];

	put("out.txt", "old\n");
	snprintf(p, sizeof(p), "%s/out.txt", dir);
	assert_int_equal(safe_open(&so, p, stdout, err, sizeof(err)), 0);
	fputs("partial", so.f);
	safe_abort(&so);
	assert_string_equal(get("out.txt", buf, sizeof(buf)), "old\n");
	assert_string_equal(names(buf, sizeof(buf)), "out.txt");
}

/* Write "x\n" to name in dir through safe_open() and safe_commit(). */
static void
write_out(const char *name)
{
	struct safe_out	 so;
	char		 p[PATH_MAX * 2], err[256];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	assert_int_equal(safe_open(&so, p, stdout, err, sizeof(err)), 0);
	fputs("x\n", so.f);
	assert_int_equal(safe_commit(&so, err, sizeof(err)), 0);
}

static struct stat
stat_of(const char *name)
{
	struct stat	 st;
	char		 p[PATH_MAX * 2];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	assert_int_equal(stat(p, &st), 0);
	return st;
}

/*
 * Issue 19 round two, 4: a new file has the mode open(2) would give it
 * under the umask, not mkstemp's 0600; a file replaced keeps its mode
 * and, where the user may set it, its group.
 */
static void
test_modes(void **state)
{
	struct stat	 st;
	char		 p[PATH_MAX * 2];
	mode_t		 old;
	gid_t		 g;

	old = umask(027);
	write_out("new027.txt");
	assert_int_equal(stat_of("new027.txt").st_mode & 0777, 0640);
	umask(022);
	write_out("new022.txt");
	assert_int_equal(stat_of("new022.txt").st_mode & 0777, 0644);

	put("kept.txt", "old\n");
	snprintf(p, sizeof(p), "%s/kept.txt", dir);
	assert_int_equal(chmod(p, 0604), 0);
	/* A group of our own, or any group when the test runs as root. */
	g = geteuid() == 0 ? 4242 : getegid();
	assert_int_equal(chown(p, (uid_t)-1, g), 0);
	write_out("kept.txt");
	st = stat_of("kept.txt");
	assert_int_equal(st.st_mode & 0777, 0604);
	assert_int_equal(st.st_gid, g);
	umask(old);
}

/* Issue 19, 4: a link is refused, and left as it was. */
static void
test_symlink_refused(void **state)
{
	struct safe_out	 so;
	char		 p[PATH_MAX * 2], l[PATH_MAX * 3], err[256], buf[256];

	put("target.txt", "old\n");
	snprintf(p, sizeof(p), "%s/link.txt", dir);
	assert_int_equal(symlink("target.txt", p), 0);
	assert_int_equal(safe_open(&so, p, stdout, err, sizeof(err)), -1);
	snprintf(l, sizeof(l), "%s: is a symbolic link; give the file it"
	    " points to", p);
	assert_string_equal(err, l);
	assert_string_equal(names(buf, sizeof(buf)), "link.txt target.txt");
	assert_string_equal(get("target.txt", buf, sizeof(buf)), "old\n");
}

/* Issue 19, 4: a name of 254 bytes, whatever the temporary file's. */
static void
test_long_name(void **state)
{
	struct safe_out	 so;
	char		 name[255], p[PATH_MAX * 2], err[256], buf[512];

	memset(name, 'x', 254);
	name[254] = '\0';
	snprintf(p, sizeof(p), "%s/%s", dir, name);
	assert_int_equal(safe_open(&so, p, stdout, err, sizeof(err)), 0);
	fputs("new\n", so.f);
	assert_int_equal(safe_commit(&so, err, sizeof(err)), 0);
	assert_string_equal(get(name, buf, sizeof(buf)), "new\n");
}

/* Open an output in dir, then die of sig; returns the wait status. */
static int
die_writing(int sig)
{
	struct safe_out	 so;
	char		 p[PATH_MAX * 2], err[256];
	pid_t		 pid;
	int		 st;

	snprintf(p, sizeof(p), "%s/out.txt", dir);
	if ((pid = fork()) == 0) {
		if (safe_open(&so, p, stdout, err, sizeof(err)) == -1)
			_exit(99);
		fputs("partial", so.f);
		fflush(so.f);
		raise(sig);
		_exit(98);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	return st;
}

/* Issue 19, 4: stopped while writing, no temporary file is left. */
static void
test_signals_clean_up(void **state)
{
	static const int	 sigs[] = { SIGINT, SIGTERM, SIGHUP };
	char			 buf[256];
	size_t			 i;
	int			 st;

	put("out.txt", "old\n");
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		st = die_writing(sigs[i]);
		assert_true(WIFSIGNALED(st));
		assert_int_equal(WTERMSIG(st), sigs[i]);
		assert_string_equal(names(buf, sizeof(buf)), "out.txt");
		assert_string_equal(get("out.txt", buf, sizeof(buf)), "old\n");
	}
}

/* Issue 19, 4: one rule for scratch files: $TMPDIR, else /tmp. */
static void
test_scratch_in_tmpdir(void **state)
{
	char	*path, *old, err[256], buf[256];
	FILE	*f;
	size_t	 n;
	int	 fd;

	old = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	setenv("TMPDIR", dir, 1);
	fd = safe_scratch_named(&path, err, sizeof(err));
	assert_true(fd >= 0);
	n = strlen(dir);
	assert_memory_equal(path, dir, n);
	assert_memory_equal(path + n, "/cinplan-", 9);
	close(fd);
	safe_scratch_done(path);
	assert_string_equal(names(buf, sizeof(buf)), "");
	/* Unnamed: already gone from the directory, still usable. */
	assert_non_null(f = safe_scratch(err, sizeof(err)));
	assert_string_equal(names(buf, sizeof(buf)), "");
	fputs("lines", f);
	rewind(f);
	assert_non_null(fgets(buf, sizeof(buf), f));
	assert_string_equal(buf, "lines");
	fclose(f);
	/* A TMPDIR that is not there falls back to /tmp. */
	setenv("TMPDIR", "/nonexistent/cinplan-test", 1);
	fd = safe_scratch_named(&path, err, sizeof(err));
	assert_true(fd >= 0);
	assert_memory_equal(path, "/tmp/cinplan-", 13);
	close(fd);
	safe_scratch_done(path);
	if (old != NULL)
		setenv("TMPDIR", old, 1);
	else
		unsetenv("TMPDIR");
	free(old);
}

/*
 * A file in memory for a library that reads only named files: readable by
 * its name, holding the text, gone with its descriptor.  Where the system
 * has none (not Linux), -1, and the caller uses a scratch file.
 */
static void
test_memfile(void **state)
{
	static const char	 text[] = "[profile]\nauthority = X\n";
	char			 name[SAFE_MEMFILE_NAME], buf[64];
	FILE			*f;
	size_t			 n;
	int			 fd;

	(void)state;
	fd = safe_memfile(text, sizeof(text) - 1, name);
#if defined(__linux__)
	assert_true(fd >= 0);
#endif
	if (fd == -1)
		return;
	assert_non_null(f = fopen(name, "r"));
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	assert_int_equal(n, sizeof(text) - 1);
	assert_memory_equal(buf, text, n);
	close(fd);
	assert_null(f = fopen(name, "r"));
}

static void
test_same_file(void **state)
{
	char	 p[PATH_MAX * 2], q[PATH_MAX * 2];
	int	 fd;

	put("a.txt", "a\n");
	put("b.txt", "b\n");
	snprintf(p, sizeof(p), "%s/a.txt", dir);
	assert_true((fd = open(p, O_RDONLY)) >= 0);
	assert_int_equal(safe_same_file(fd, p), 1);
	snprintf(q, sizeof(q), "%s/./a.txt", dir);
	assert_int_equal(safe_same_file(fd, q), 1);
	snprintf(q, sizeof(q), "%s/b.txt", dir);
	assert_int_equal(safe_same_file(fd, q), 0);
	snprintf(q, sizeof(q), "%s/none.txt", dir);
	assert_int_equal(safe_same_file(fd, q), 0);
	assert_int_equal(safe_same_file(fd, "-"), 0);
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_commit_replaces, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_abort_keeps, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_modes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_long_name, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_signals_clean_up, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_scratch_in_tmpdir, setup,
		    teardown),
		cmocka_unit_test(test_memfile),
		cmocka_unit_test_setup_teardown(test_same_file, setup,
		    teardown),
	};

	/*
	 * Run in the background, a shell may have us ignore SIGINT, and an
	 * ignored signal stays ignored (safeio.c): start from the default.
	 */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
