package dev.schemaclone.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one way of the whole-suite benchmark measured over its repeats: wall times, and
 * per-context times read from its forks' output (the contexts' start times and
 * schemaclone's INFO lines).
 */
final class ForkLogs {

	private static final Pattern STARTED = Pattern.compile(Pattern.quote(ContextStartTimes.MARKER) + "(\\d+) ms");

	private static final Pattern CYCLE = Pattern.compile(Pattern.quote(ClosingBenchmark.CYCLE_MARKER) + "(\\d+) ms");

	private static final Pattern FLYWAY_BEAN = Pattern
		.compile(Pattern.quote(ClosingBenchmark.FLYWAY_MARKER) + "(\\d+) ms");

	private static final Pattern READY = Pattern.compile("Schema '[^']+' ready for its context in (\\d+) ms");

	private static final Pattern CLAIMED = Pattern.compile("Claimed warm clone '[^']+' of '[^']+' in (\\d+) ms");

	private static final Pattern CLONES = Pattern
		.compile("clones: (\\d+) copied, (\\d+) recycled, (\\d+) claimed warm, (\\d+) converted");

	private static final Pattern BUILT = Pattern.compile("Built template '[^']+': \\d+ migrations in (\\d+) ms");

	private static final Pattern WAITED = Pattern.compile("context\\(s\\) waited (\\d+) ms in all for their schemas");

	private static final Pattern TESTS_ENDED = Pattern.compile(Pattern.quote(SuiteFork.TESTS_ENDED) + "(\\d+)");

	private static final Pattern EXITED = Pattern.compile(Pattern.quote(Workers.EXITED) + "(\\d+)");

	private final Timings wall = new Timings();

	private final Timings firstContexts = new Timings();

	private final Timings laterContexts = new Timings();

	private final Timings laterCycles = new Timings();

	private final Timings laterFlywayBeans = new Timings();

	private final Timings ready = new Timings();

	private final Timings claims = new Timings();

	private final Timings builds = new Timings();

	private final Timings waits = new Timings();

	/** From a JVM's tests' end to its exit: its contexts closing, schemaclone's end. */
	private final Timings ends = new Timings();

	private int historyRuns;

	private int copied;

	private int recycled;

	private int claimed;

	private int converted;

	/**
	 * Add one run of the suite.
	 * @param millis its wall time
	 * @param historyRuns how often the whole history ran in it
	 * @param folder the folder of the forks' output
	 * @param prefix the output files' name before the fork's number
	 * @param forks how many forks ran
	 */
	void add(double millis, int historyRuns, Path folder, String prefix, int forks) {
		this.wall.add(millis);
		this.historyRuns += historyRuns;
		for (int fork = 0; fork < forks; fork++) {
			read(folder.resolve(prefix + fork + ".log"));
		}
	}

	private void read(Path log) {
		List<String> lines;
		try {
			lines = Files.readAllLines(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		boolean first = true;
		long testsEnded = -1;
		boolean cycleSeen = false;
		boolean flywayBeanSeen = false;
		for (String line : lines) {
			flywayBeanSeen = collectAfterFirst(FLYWAY_BEAN, line, flywayBeanSeen, this.laterFlywayBeans);
			cycleSeen = collectAfterFirst(CYCLE, line, cycleSeen, this.laterCycles);
			Matcher started = STARTED.matcher(line);
			if (started.find()) {
				(first ? this.firstContexts : this.laterContexts).add(Double.parseDouble(started.group(1)));
				first = false;
			}
			collect(READY, line, this.ready);
			collect(CLAIMED, line, this.claims);
			Matcher clones = CLONES.matcher(line);
			if (clones.find()) {
				this.copied += Integer.parseInt(clones.group(1));
				this.recycled += Integer.parseInt(clones.group(2));
				this.claimed += Integer.parseInt(clones.group(3));
				this.converted += Integer.parseInt(clones.group(4));
			}
			collect(BUILT, line, this.builds);
			collect(WAITED, line, this.waits);
			Matcher ended = TESTS_ENDED.matcher(line);
			Matcher exited = EXITED.matcher(line);
			if (ended.find()) {
				testsEnded = Long.parseLong(ended.group(1));
			}
			else if (exited.find() && testsEnded >= 0) {
				this.ends.add(Long.parseLong(exited.group(1)) - testsEnded);
			}
		}
	}

	/**
	 * Collect a line's figure unless it is the fork's first of its kind.
	 * @param seen whether the fork's first was seen
	 * @return whether it was seen now
	 */
	private static boolean collectAfterFirst(Pattern pattern, String line, boolean seen, Timings later) {
		Matcher matcher = pattern.matcher(line);
		if (!matcher.find()) {
			return seen;
		}
		if (seen) {
			later.add(Double.parseDouble(matcher.group(1)));
		}
		return true;
	}

	private static void collect(Pattern pattern, String line, Timings into) {
		Matcher matcher = pattern.matcher(line);
		if (matcher.find()) {
			into.add(Double.parseDouble(matcher.group(1)));
		}
	}

	Timings wall() {
		return this.wall;
	}

	/**
	 * Return the start times of the contexts after each JVM's first, or a dash.
	 */
	String laterContexts() {
		return orDash(this.laterContexts);
	}

	/**
	 * Return the cycles (start, work, close) of the contexts after each JVM's first.
	 */
	Timings laterCycles() {
		return this.laterCycles;
	}

	/**
	 * Return how long the {@code Flyway} bean of the contexts after each JVM's first
	 * took, or a dash.
	 */
	String laterFlywayBeans() {
		return orDash(this.laterFlywayBeans);
	}

	String ready() {
		return orDash(this.ready);
	}

	String historyRuns(int repeats) {
		return perRun(this.historyRuns, repeats);
	}

	String perContextRow(String mode, int repeats) {
		return "| %s | %s | %s | %s | %s | %s / %s / %s / %s | %s | %s | %s |".formatted(mode,
				orDash(this.firstContexts), orDash(this.laterContexts), orDash(this.waits), orDash(this.ready),
				perRun(this.copied, repeats), perRun(this.recycled, repeats), perRun(this.claimed, repeats),
				perRun(this.converted, repeats), orDash(this.claims),
				(this.builds.count() == 0) ? "0" : perRun(this.builds.count(), repeats) + ", " + this.builds,
				orDash(this.ends));
	}

	private static String orDash(Timings timings) {
		return (timings.count() == 0) ? "–" : timings.toString();
	}

	private static String perRun(int count, int repeats) {
		return (count % repeats == 0) ? String.valueOf(count / repeats) : "%.1f".formatted((double) count / repeats);
	}

}
