package dev.schemaclone.sample;

/**
 * A loan the rules do not allow.
 */
public class LendingException extends RuntimeException {

	public LendingException(String message) {
		super(message);
	}

}
