package dev.schemaclone.internal.workspace;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.schemaclone.testsupport.TestServer;

/**
 * The schema prefix of one test class: everything under it is dropped before and after
 * the class, the run counter exists, and migrations are fast again after each test.
 */
final class SchemaPrefix implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	private final String prefix;

	SchemaPrefix(String prefix) {
		this.prefix = prefix;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		TestServer.dropAll(this.prefix);
		TestTemplates.createCounter();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		TestServer.execute("DELETE FROM " + TestTemplates.COUNTER_SCHEMA + ".slow_down");
	}

	@Override
	public void afterAll(ExtensionContext context) {
		TestServer.dropAll(this.prefix);
	}

}
