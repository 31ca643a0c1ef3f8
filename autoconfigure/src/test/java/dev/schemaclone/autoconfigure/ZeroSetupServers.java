package dev.schemaclone.autoconfigure;

import dev.schemaclone.internal.zerosetup.ZeroSetupServer;

/**
 * The zero-setup server, for tests that run where no server is configured: the same
 * server a context without any would get.
 */
public final class ZeroSetupServers {

	private ZeroSetupServers() {
	}

	/**
	 * Find or start the zero-setup server and return its URL, credentials as parameters.
	 * @return the URL
	 */
	public static String urlWithCredentials() {
		ZeroSetupServer server = ZeroSetupServer.get();
		return server.url().toJdbcUrl() + "?user=" + server.username()
				+ (server.password().isEmpty() ? "" : "&password=" + server.password());
	}

}
