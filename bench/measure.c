/*
 * measure.c: run a command and report its wall time and peak memory, for
 * the benchmarks (GNU time is not on every machine).  Build tool only.
 *
 * usage: measure OUTFILE command [arg ...]
 * Standard output of the command goes to OUTFILE; the figures go to
 * standard error as "seconds=S cpu=C maxrss_kib=K status=N", where cpu is
 * user and system time together (it exceeds seconds when threads overlap).
 */
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	struct timespec	 t0, t1;
	struct rusage	 ru;
	pid_t		 pid;
	int		 fd, status;

	if (argc < 3) {
		fputs("usage: measure OUTFILE command [arg ...]\n", stderr);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) == -1) {
		perror("fork");
		return 2;
	}
	if (pid == 0) {
		if ((fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1) {
			perror(argv[1]);
			_exit(127);
		}
		dup2(fd, STDOUT_FILENO);
		close(fd);
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) == -1) {
		perror("wait4");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr, "seconds=%.3f cpu=%.3f maxrss_kib=%ld status=%d\n",
	    (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
	    (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
	    ru.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : 128);
	return 0;
}
