package dev.schemaclone.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * One test class's turn on a refreshing context: while it holds it, no other class runs
 * on the context's clone; it begins by taking the clone's state as the class's baseline
 * and ends by resetting the clone to it. When the context refreshes after each method,
 * its methods take turns too, each starting on the state the class set up before its
 * first method.
 */
final class ClassTurn {

	private final ContextClone schema;

	private final Class<?> testClass;

	private final boolean methods;

	private @Nullable Object owner;

	private boolean methodBaseline;

	/**
	 * @param schema the schema of the class's context
	 * @param testClass the test class
	 * @param methods whether the context refreshes after each method
	 */
	ClassTurn(ContextClone schema, Class<?> testClass, boolean methods) {
		this.schema = schema;
		this.testClass = testClass;
		this.methods = methods;
	}

	ContextClone schema() {
		return this.schema;
	}

	Class<?> testClass() {
		return this.testClass;
	}

	boolean methods() {
		return this.methods;
	}

	synchronized Object owner() {
		Object owner = this.owner;
		if (owner == null) {
			throw new IllegalStateException("The turn of " + this.testClass.getName() + " has not begun");
		}
		return owner;
	}

	/**
	 * Wait for the context, then take the clone's state as the class's baseline.
	 * @param owner who holds the context for the class: the class's own turn, or that of
	 * an enclosing class on the same context
	 */
	void begin(Object owner) {
		synchronized (this) {
			this.owner = owner;
		}
		this.schema.beginClass(owner, this.testClass.getName());
		try {
			this.schema.beginBaseline(this.testClass.getName());
		}
		catch (RuntimeException ex) {
			// A turn that failed to begin is recorded nowhere, so nothing else would give
			// the lock back.
			this.schema.endClass(owner);
			throw ex;
		}
	}

	/**
	 * Reset the clone to the class's baseline and give the context back.
	 */
	void end() {
		Object owner = owner();
		try {
			if (takeMethodBaseline(false)) {
				this.schema.endBaseline();
			}
			this.schema.reset(this.testClass.getName());
			this.schema.endBaseline();
		}
		finally {
			this.schema.endClass(owner);
		}
	}

	/**
	 * Wait until no other method of the context runs; {@link #endMethod} gives it back.
	 */
	void lockMethod(String test) {
		this.schema.beginMethod(test);
	}

	/**
	 * Before the class's first method, take what its set-up wrote as the state each of
	 * its methods starts from; before the others, make sure the last reset succeeded.
	 */
	void startMethod(String test) {
		if (!takeMethodBaseline(true)) {
			this.schema.beginBaseline(test);
		}
		else {
			this.schema.requireReset(test);
		}
	}

	/**
	 * Reset the clone to the state the class's methods start from, and let the next
	 * method run.
	 */
	void endMethod(String test) {
		try {
			this.schema.reset(test);
		}
		finally {
			this.schema.endMethod();
		}
	}

	/**
	 * Set whether the class's methods have a baseline of their own, and return whether
	 * they had one.
	 */
	private synchronized boolean takeMethodBaseline(boolean taken) {
		boolean had = this.methodBaseline;
		this.methodBaseline = taken;
		return had;
	}

}
