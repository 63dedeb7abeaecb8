/* scratch.h: what the C tests of the readers share: one scratch file under
 * /tmp to write test input into, and a capture of the library's last error
 * message.  scratch_init() makes the file and installs the capturing
 * handler (err.h); scratch_done() removes the file.  The module owns the
 * file name and the message buffer (static); nothing to free. */
#ifndef IMC_T_SCRATCH_H
#define IMC_T_SCRATCH_H

/* Make the scratch file (bail on failure) and capture error messages. */
void scratch_init(void);
/* Remove the scratch file. */
void scratch_done(void);
/* The scratch file's path. */
const char *scratch_path(void);
/* Replace the scratch file's contents with text; returns its path. */
const char *scratch_put(const char *text);
/* The last captured message ("" after scratch_clear). */
const char *scratch_msg(void);
void scratch_clear(void);
/* The last message with a leading scratch path cut off (":2: ..."). */
const char *scratch_tail(void);

#endif
