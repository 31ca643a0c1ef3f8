package dev.schemaclone.internal.workspace;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.schemaclone.internal.server.MySqlUrl;
import dev.schemaclone.testsupport.ChildJvm;
import dev.schemaclone.testsupport.IdleDroppingProxy;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live JVM whose lease connection is dropped, by a {@code KILL} or by a proxy that
 * closes idle connections, while its tests run and another JVM starts on the same prefix:
 * none of its schemas is dropped, its tests go on, and it takes its lease again.
 */
class LeaseIT {

	private static final String PREFIX = "it_lease";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@Test
	void killedLeaseConnectionIsTakenAgainAndAnotherProcessDropsNothingOfTheLiveOne() throws Exception {
		try (ChildJvm child = ChildJvm.start(LeaseClient.class, PREFIX, TestTemplates.newRunId(), "8")) {
			String clone = child.awaitLine("CLONE ", 120);
			String lock = PREFIX + "_owner_" + clone.substring((PREFIX + "_c_").length(), clone.lastIndexOf('_'));
			long leaseConnection = TestTemplates.queryInt("SELECT IS_USED_LOCK('" + lock + "')");
			TestServer.execute("KILL CONNECTION " + leaseConnection);
			// The lock is free now; the next process opens before the child's next
			// heartbeat.
			try (SchemaWorkspace next = TestTemplates.workspace(PREFIX)) {
				assertThat(TestServer.schemasLike(clone)).containsExactly(clone);
			}
			assertThat(child.awaitLine("PASSED ", 120)).isNotEqualTo("0");
			assertThat(child.output()).contains("took lease '" + lock + "' again on a new connection");
			assertThat(TestTemplates.queryInt("SELECT IS_USED_LOCK('" + lock + "')"))
				.isNotEqualTo((int) leaseConnection);
		}
	}

	@Test
	void connectionsDroppedWhenIdleForThreeSecondsLeaveTheLiveProcessItsSchemas() throws Exception {
		String[] server = TestServer.server().url().hosts().split(":");
		InetSocketAddress target = new InetSocketAddress(server[0],
				(server.length > 1) ? Integer.parseInt(server[1]) : 3306);
		try (IdleDroppingProxy proxy = IdleDroppingProxy.start(target, Duration.ofSeconds(3));
				ChildJvm child = ChildJvm.startOn(throughProxy(proxy), LeaseClient.class, PREFIX,
						TestTemplates.newRunId(), "12")) {
			String clone = child.awaitLine("CLONE ", 120);
			try (Connection idle = DriverManager.getConnection(throughProxy(proxy))) {
				// Past the proxy's idle bound: an idle lease connection would be gone,
				// its lock free.
				Thread.sleep(6000);
				assertThat(idle.isValid(2)).as("an idle connection through the proxy").isFalse();
			}
			try (SchemaWorkspace next = TestTemplates.workspace(PREFIX)) {
				assertThat(TestServer.schemasLike(clone)).containsExactly(clone);
			}
			assertThat(child.awaitLine("PASSED ", 120)).isNotEqualTo("0");
			assertThat(child.waitFor(60)).isZero();
			assertThat(TestServer.schemasLike(clone)).isEmpty();
		}
	}

	private static String throughProxy(IdleDroppingProxy proxy) {
		MySqlUrl url = MySqlUrl.parse(TestServer.url());
		return new MySqlUrl(url.scheme(), "127.0.0.1:" + proxy.port(), url.database(), url.query()).toJdbcUrl();
	}

}
