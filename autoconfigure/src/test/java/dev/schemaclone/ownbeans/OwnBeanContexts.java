package dev.schemaclone.ownbeans;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A JVM that starts contexts of an application whose only Flyway bean is its own,
 * migrated by its init method, and prints {@code CLONE <i> <schema> <executed>} for each:
 * its clone and what each of its own migrates on the clone executed. Arguments: prefix,
 * run id, number of contexts.
 */
public final class OwnBeanContexts {

	private OwnBeanContexts() {
	}

	public static void main(String[] args) {
		for (int i = 0; i < Integer.parseInt(args[2]); i++) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(OwnBeansApplication.class,
					OwnBeans.InitMethod.class)
				.web(WebApplicationType.NONE)
				.run("--schemaclone.prefix=" + args[0], "--ownbeans.run-id=" + args[1], "--logging.level.root=warn");
			String clone = new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("SELECT DATABASE()",
					String.class);
			System.out.println("CLONE " + i + " " + clone + " " + MigrateRecorder.executedOn(clone));
		}
		System.out.flush();
		System.exit(0);
	}

}
