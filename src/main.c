/*
 * main.c: hands over to the command line.
 */
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "safeio.h"

int
main(int argc, char *argv[])
{
	/*
	 * Standard output in the pieces -o writes in, not the 4 KiB stdio
	 * takes from a pipe or a file: a night's findings are megabytes.
	 * A terminal keeps its line buffering.
	 */
	static char	 buf[SAFE_BUFSIZ];

	if (!isatty(STDOUT_FILENO))
		(void)setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	return cli_main(argc, argv, stdout, stderr);
}
