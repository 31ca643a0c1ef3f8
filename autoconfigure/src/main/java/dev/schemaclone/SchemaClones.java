package dev.schemaclone;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.function.SingletonSupplier;

import dev.schemaclone.autoconfigure.SchemaCloneProperties;
import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.MySqlUrl;
import dev.schemaclone.internal.workspace.ReservedSchema;
import dev.schemaclone.internal.workspace.SchemaWorkspace;
import dev.schemaclone.internal.workspace.SchemaWorkspaces;

/**
 * Explicit wiring of a clone into one test context, for set-ups outside the
 * auto-configuration. Call it from a {@code @DynamicPropertySource} method:
 *
 * <pre class="code">
 * &#064;DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     SchemaClones.on("jdbc:mysql://127.0.0.1:3306/", "app", "secret")
 *         .flyway((flyway) -&gt; flyway.locations("classpath:db/migration"))
 *         .register(registry);
 * }
 * </pre>
 *
 * The clone is made when the context first reads {@code spring.datasource.url}; when the
 * process ends it is kept warm for the next one or dropped, as the auto-configuration's
 * defaults say; {@link #prefix(String)} sets the one setting an explicit wiring usually
 * needs.
 */
public final class SchemaClones {

	private final DatabaseServer server;

	private final SchemaCloneProperties properties = new SchemaCloneProperties();

	private Consumer<FluentConfiguration> flyway = (configuration) -> {
	};

	private SchemaClones(DatabaseServer server) {
		this.server = server;
	}

	/**
	 * Start wiring clones from a server.
	 * @param url the server's JDBC URL; its schema is ignored, its parameters kept
	 * @param username a user that may create and drop schemas
	 * @param password its password
	 * @return the wiring, to configure further
	 */
	public static SchemaClones on(String url, String username, String password) {
		return new SchemaClones(new DatabaseServer(MySqlUrl.parse(url).withDatabase(""), username, password));
	}

	/**
	 * Name the schemas with another prefix than {@code schemaclone}, as
	 * {@code schemaclone.prefix} does for the auto-configuration.
	 * @param prefix 1 to 24 characters of {@code a-z0-9_}, starting with a letter
	 * @return this wiring
	 */
	public SchemaClones prefix(String prefix) {
		this.properties.setPrefix(prefix);
		// Checked here, so that a bad prefix fails where it is given.
		this.properties.toWorkspaceSettings();
		return this;
	}

	/**
	 * Turn template snapshots on or off, as {@code schemaclone.snapshot.enabled} does for
	 * the auto-configuration: a snapshot holds the template's data, written to
	 * {@code ~/.cache/schemaclone}.
	 * @param enabled whether a template is restored from a snapshot and one is written
	 * after each build from history (on by default)
	 * @return this wiring
	 */
	public SchemaClones snapshots(boolean enabled) {
		this.properties.getSnapshot().setEnabled(enabled);
		return this;
	}

	/**
	 * Configure the Flyway that migrates the template, as the application would.
	 * @param flyway a customizer of Flyway's default configuration
	 * @return this wiring
	 */
	public SchemaClones flyway(Consumer<FluentConfiguration> flyway) {
		this.flyway = flyway;
		return this;
	}

	/**
	 * Register {@code spring.datasource.url}, {@code username} and {@code password} of a
	 * new clone for the context being built.
	 * @param registry the registry given to the {@code @DynamicPropertySource} method
	 */
	public void register(DynamicPropertyRegistry registry) {
		Supplier<String> url = SingletonSupplier.of(this::createClone);
		registry.add("spring.datasource.url", url::get);
		registry.add("spring.datasource.username", this.server::username);
		registry.add("spring.datasource.password", this.server::password);
	}

	private String createClone() {
		FluentConfiguration configuration = Flyway.configure();
		this.flyway.accept(configuration);
		SchemaWorkspace workspace = SchemaWorkspaces.get(this.server, this.properties.toWorkspaceSettings());
		ReservedSchema clone = workspace.reserve("");
		workspace.complete(clone, new FlywayMigrationSet(configuration));
		return this.server.urlOf(clone.name()).toJdbcUrl();
	}

}
