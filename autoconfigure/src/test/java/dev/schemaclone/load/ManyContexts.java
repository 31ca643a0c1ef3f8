package dev.schemaclone.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.schemaclone.autoconfigure.SchemaCloneAutoConfiguration;
import dev.schemaclone.autoconfigure.migration.flyway.SchemaCloneFlywayAutoConfiguration;

/**
 * A JVM holding as many contexts as Spring's context cache keeps by default (32), each on
 * its clone: prints {@code HOLDING <clones>} and keeps them until it is told to exit.
 */
public final class ManyContexts {

	static final int CONTEXTS = 32;

	private ManyContexts() {
	}

	public static void main(String[] args) throws InterruptedException {
		List<ConfigurableApplicationContext> cache = new ArrayList<>();
		Set<String> schemas = new HashSet<>();
		for (int k = 0; k < CONTEXTS; k++) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(LoadApplication.class)
				.web(WebApplicationType.NONE)
				.run("--load.context=" + k, "--spring.flyway.locations=classpath:appdb", "--schemaclone.prefix=it_load",
						"--logging.level.root=warn");
			schemas.add(context.getBean(JdbcTemplate.class).queryForObject("SELECT DATABASE()", String.class));
			cache.add(context);
		}
		System.out.println("HOLDING " + schemas.size());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SchemaCloneAutoConfiguration.class, SchemaCloneFlywayAutoConfiguration.class,
			DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class })
	static class LoadApplication {

	}

}
