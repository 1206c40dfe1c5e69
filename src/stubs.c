/* Temporary: commands not written yet. */
#include "cli.h"
