package dev.schemaclone.autoconfigure;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import dev.schemaclone.internal.zerosetup.ZeroSetupServer;

/**
 * Connection details of the server schemaclone starts itself when the application names
 * none; the server starts on first use, once per process.
 */
final class ZeroSetupConnectionDetails implements JdbcConnectionDetails {

	@Override
	public String getUsername() {
		return ZeroSetupServer.get().username();
	}

	@Override
	public String getPassword() {
		return ZeroSetupServer.get().password();
	}

	@Override
	public String getJdbcUrl() {
		return ZeroSetupServer.get().url().toJdbcUrl();
	}

}
