package dev.schemaclone.autoconfigure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.cache.ContextCache.PauseMode;
import org.springframework.test.context.cache.ContextCacheUtils;

import dev.schemaclone.testsupport.ChildJvm;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Spring Framework 7's context cache: a context evicted beyond
 * {@code spring.test.context.cache.maxSize} is closed and lends its clone to the next
 * context, so a suite holds at most {@code maxSize} plus {@code prefetch} clones; a
 * paused context keeps its clone, its rows and its pool's connections.
 */
class ContextCacheIT {

	private static final String PAUSE_PREFIX = "it_pause";

	@BeforeAll
	@AfterAll
	static void dropEverythingUnderThePrefixes() {
		TestServer.dropAll(EvictingSuite.PREFIX);
		TestServer.dropAll(PAUSE_PREFIX);
	}

	@Test
	void sixConfigurationsUnderMaxSizeTwoNeverHoldMoreThanThreeClones() throws Exception {
		AtomicInteger most = new AtomicInteger();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> sample(running, most), "clone-sampler");
		List<String> tests = new ArrayList<>();
		try (ChildJvm suite = ChildJvm.start(List.of("-Dspring.test.context.cache.maxSize=2"), EvictingSuite.class)) {
			sampler.start();
			String result = suite.awaitLine("RESULT ", 600);
			running.set(false);
			sampler.join();
			assertThat(result).as(suite.output()).isEqualTo("7 0");
			suite.lines().stream().filter((line) -> line.startsWith("CLONE ")).forEach(tests::add);
		}
		assertThat(tests).hasSize(7);
		assertThat(tests).as("clones on the server at each test")
			.allSatisfy((line) -> assertThat(Integer.parseInt(line.split(" ")[3])).isBetween(1, 3));
		assertThat(most.get()).as("clones on the server while the suite ran").isBetween(1, 3);
		assertThat(tests.stream().map((line) -> line.split(" ")[2]).distinct())
			.as("clones the seven contexts used: evicted contexts' clones recycled")
			.hasSizeLessThanOrEqualTo(3);
	}

	/**
	 * Count the clones on the server, one connection polling, and keep the most seen.
	 */
	private static void sample(AtomicBoolean running, AtomicInteger most) {
		try (Connection connection = TestServer.server().open();
				PreparedStatement count = connection
					.prepareStatement("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?")) {
			count.setString(1, EvictingSuite.CLONES);
			while (running.get()) {
				try (ResultSet result = count.executeQuery()) {
					result.next();
					most.accumulateAndGet(result.getInt(1), Math::max);
				}
				Thread.sleep(10);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aPausedContextKeepsItsCloneItsRowsAndItsConnections() {
		assertThat(ContextCacheUtils.retrievePauseMode()).as("Spring Framework 7's default")
			.isEqualTo(PauseMode.ON_CONTEXT_SWITCH);
		run(Paused.class);
		String clone = Paused.clone;
		ConfigurableApplicationContext paused = Paused.context;
		assertThat(paused.isRunning()).isTrue();

		run(OtherConfiguration.class);
		assertThat(paused.isRunning()).as("paused on the switch to another context").isFalse();
		assertThat(paused.isActive()).as("not closed").isTrue();
		assertThat(OtherConfiguration.clone).as("the other context's clone").isNotEqualTo(clone);
		assertThat(ContextSchemas.exists(clone)).isTrue();
		assertThat(connectionsTo(clone)).as("connections the paused context's pool holds").isEqualTo(4);

		run(PausedAgain.class);
		assertThat(paused.isRunning()).as("restarted").isTrue();
		assertThat(PausedAgain.context).isSameAs(paused);
		assertThat(PausedAgain.clone).isEqualTo(clone);
		assertThat(PausedAgain.names).containsExactly("reference row", "written before the pause");
	}

	private static void run(Class<?> testClass) {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request().selectors(selectClass(testClass)).build(), listener);
		assertThat(listener.getSummary().getTestsSucceededCount()).as(testClass.getSimpleName()).isOne();
	}

	private static int connectionsTo(String schema) {
		try (Connection connection = TestServer.server().open();
				PreparedStatement count = connection
					.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ?")) {
			count.setString(1, schema);
			try (ResultSet result = count.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootTest(classes = TestApplication.class, properties = "schemaclone.prefix=" + PAUSE_PREFIX)
	abstract static class PauseContext {

		@Autowired
		private ConfigurableApplicationContext context;

		@Autowired
		private DataSource dataSource;

		ConfigurableApplicationContext context() {
			return this.context;
		}

		String ownClone() {
			return ContextSchemas.currentSchema(this.dataSource);
		}

		JdbcTemplate jdbc() {
			return new JdbcTemplate(this.dataSource);
		}

		/** Borrow every connection of the pool at once, so that it holds four. */
		void fillPool() throws SQLException {
			try (Connection a = this.dataSource.getConnection();
					Connection b = this.dataSource.getConnection();
					Connection c = this.dataSource.getConnection();
					Connection d = this.dataSource.getConnection()) {
				assertThat(List.of(a, b, c, d)).doesNotHaveDuplicates();
			}
		}

	}

	static class Paused extends PauseContext {

		static ConfigurableApplicationContext context;

		static String clone;

		@Test
		void writesAndFillsItsPool() throws SQLException {
			context = context();
			clone = ownClone();
			jdbc().update("INSERT INTO person (name) VALUES ('written before the pause')");
			fillPool();
		}

	}

	@TestPropertySource(properties = "context.index=other")
	static class OtherConfiguration extends PauseContext {

		static String clone;

		@Test
		void runsOnItsOwnClone() {
			clone = ownClone();
		}

	}

	static class PausedAgain extends PauseContext {

		static ConfigurableApplicationContext context;

		static String clone;

		static List<String> names;

		@Test
		void findsWhatItWrote() {
			context = context();
			clone = ownClone();
			names = jdbc().queryForList("SELECT name FROM person ORDER BY id", String.class);
		}

	}

}
