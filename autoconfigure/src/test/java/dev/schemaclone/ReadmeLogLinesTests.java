package dev.schemaclone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Every example log line of the README names a class that exists and prints that message
 * (its own code, or a class of ours it imports, holds the message's text), so that a
 * class moved or a message moved to another class shows here.
 */
class ReadmeLogLinesTests {

	private static final Pattern LOG_LINE = Pattern.compile("^(?:DEBUG|INFO|WARN|ERROR) (\\S+)\\s+: (.+)$");

	/** What varies between runs: quoted names, numbers, a test method. */
	private static final Pattern VARYING = Pattern.compile("'[^']*'|\\d+|\\S+\\(\\)");

	private static final Pattern OUR_IMPORT = Pattern
		.compile("^import (dev\\.schemaclone\\.(?:[a-z]\\w*\\.)+[A-Z]\\w*)[\\w.]*;$", Pattern.MULTILINE);

	@Test
	void everyExampleLogLineNamesTheClassThatPrintsIt() throws IOException {
		List<String> checked = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
			Matcher logLine = LOG_LINE.matcher(line);
			if (logLine.matches()) {
				String logger = logLine.group(1).replaceFirst("^d\\.s\\.", "dev.schemaclone.");
				assertThatNoException().as(line).isThrownBy(() -> Class.forName(logger));
				String text = Arrays.stream(VARYING.split(logLine.group(2)))
					.map(String::trim)
					.max(Comparator.comparingInt(String::length))
					.orElseThrow();
				assertThat(sourcesOf(logger)).as(line).anySatisfy((source) -> assertThat(source).contains(text));
				checked.add(line);
			}
		}
		assertThat(checked).as("example log lines in the README").hasSizeGreaterThanOrEqualTo(6);
	}

	/**
	 * Return the source of a class and of the classes of ours it imports: a class may log
	 * what another one words, as the summary reporter does.
	 */
	private static List<String> sourcesOf(String className) throws IOException {
		String source = source(className);
		List<String> sources = new ArrayList<>(List.of(source));
		Matcher imported = OUR_IMPORT.matcher(source);
		while (imported.find()) {
			sources.add(source(imported.group(1)));
		}
		return sources;
	}

	private static String source(String className) throws IOException {
		return Files.readString(Path.of("src", "main", "java", className.replace('.', '/') + ".java"));
	}

}
