package dev.schemaclone.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Samples of one measurement, in milliseconds.
 */
final class Timings {

	private final List<Double> samples = new ArrayList<>();

	static Timings of(int runs, Runnable task) {
		Timings timings = new Timings();
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			task.run();
			timings.add((System.nanoTime() - start) / 1e6);
		}
		return timings;
	}

	static Timings ofMeasured(int runs, Supplier<Double> task) {
		Timings timings = new Timings();
		for (int i = 0; i < runs; i++) {
			timings.add(task.get());
		}
		return timings;
	}

	void add(double millis) {
		this.samples.add(millis);
	}

	int count() {
		return this.samples.size();
	}

	double median() {
		List<Double> sorted = new ArrayList<>(this.samples);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	double min() {
		return Collections.min(this.samples);
	}

	double max() {
		return Collections.max(this.samples);
	}

	/**
	 * Return "median (min–max)" with a unit fit for the size.
	 */
	@Override
	public String toString() {
		return format(median()) + " (" + format(min()) + "–" + format(max()) + ")";
	}

	static String format(double millis) {
		return (millis >= 10_000) ? "%.1f s".formatted(millis / 1000)
				: (millis >= 100) ? "%.0f ms".formatted(millis) : "%.1f ms".formatted(millis);
	}

}
