package dev.schemaclone.internal.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.core.io.ClassPathResource;

/**
 * Liquibase change logs written from the Flyway histories of the tests, so that both
 * tools migrate the same SQL: one formatted-SQL change set per script, and one ending its
 * statements with {@code //} for each {@code DELIMITER //} block.
 */
final class LiquibaseChangeLogs {

	private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

	private LiquibaseChangeLogs() {
	}

	/**
	 * Write the change log of the scripts in class-path folders.
	 * @param target the folder to write it to
	 * @param folders the Flyway class-path locations, such as {@code classpath:fidelity}
	 * @return the change log, as a {@code file:} location
	 */
	static String fromFlyway(Path target, String... folders) {
		StringBuilder changeLog = new StringBuilder("--liquibase formatted sql\n");
		try {
			List<Path> scripts = Stream.of(folders)
				.flatMap(LiquibaseChangeLogs::scripts)
				.sorted(Comparator.comparingInt(LiquibaseChangeLogs::version))
				.toList();
			for (Path script : scripts) {
				String[] parts = Files.readString(script).split("DELIMITER //\n|DELIMITER ;\n");
				for (int i = 0; i < parts.length; i++) {
					if (!parts[i].isBlank()) {
						changeLog.append("\n--changeset flyway:")
							.append(version(script))
							.append('-')
							.append(i)
							.append((i % 2 == 1) ? " endDelimiter://" : "")
							.append('\n')
							.append(parts[i]);
					}
				}
			}
			Path file = target.resolve("changelog.sql");
			Files.writeString(file, changeLog);
			return "file:" + file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Stream<Path> scripts(String folder) {
		try {
			return Files.list(new ClassPathResource(folder.replaceFirst("^classpath:", "")).getFile().toPath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int version(Path script) {
		Matcher matcher = VERSION.matcher(script.getFileName().toString());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a versioned Flyway script: " + script);
		}
		return Integer.parseInt(matcher.group(1));
	}

}
