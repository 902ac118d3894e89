package cn.hulian.server.input;

/** A check of text that sees it one byte at a time, so the text never has to be held whole. */
interface StreamingCheck {

	/** Takes the next byte, found at {@code position} of the input. False once the input is not well-formed. */
	boolean accept(int b, long position);

	/** False when the input ended where it may not (inside a character or an escape). */
	boolean acceptEnd();

	/** Where the first malformed part of the input starts, or -1 while it is well-formed. */
	long malformedAt();
}
