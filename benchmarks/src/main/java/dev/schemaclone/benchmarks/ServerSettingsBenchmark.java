package dev.schemaclone.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.schemaclone.internal.zerosetup.EmbeddedMariaDb;
import dev.schemaclone.internal.zerosetup.TestTuning;

/**
 * The zero-setup server's test settings against MariaDB's defaults, each setting alone
 * too: one throwaway embedded MariaDB per variant, started one after another with the
 * same binaries in one file system (tmpfs, as the zero-setup server, or a disk), the same
 * history measured on each.
 */
final class ServerSettingsBenchmark {

	private ServerSettingsBenchmark() {
	}

	static void run(GeneratedHistory history, int runs, Path parent) throws IOException {
		Path work = Files.createTempDirectory(parent, "sc-bench-settings-");
		Map<String, List<String>> variants = new LinkedHashMap<>();
		variants.put("MariaDB's defaults", List.of());
		for (String setting : TestTuning.ARGUMENTS) {
			variants.put(setting + " alone", List.of(setting));
		}
		variants.put("all test settings (zero-setup)", TestTuning.ARGUMENTS);
		List<String> withoutFilePerTable = new ArrayList<>(TestTuning.ARGUMENTS);
		withoutFilePerTable.add("--innodb-file-per-table=OFF");
		variants.put("all test settings + --innodb-file-per-table=OFF", withoutFilePerTable);
		List<String> rows = new ArrayList<>();
		int index = 0;
		for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
			EmbeddedMariaDb server = EmbeddedMariaDb.start(work.resolve("server-" + index++), variant.getValue(),
					Duration.ofHours(1));
			try {
				Benchmarks benchmarks = new Benchmarks(server.url().toJdbcUrl() + "?user=root", runs);
				benchmarks.prepare();
				benchmarks.perHistory(variant.getKey(), history.location(), history.tables());
				rows.add(benchmarks.report().strip());
			}
			finally {
				server.stop();
			}
		}
		System.out.println();
		System.out.println("## Server settings: %s, %d runs per measurement, embedded MariaDB (%s)"
			.formatted(history.label(), runs, work));
		System.out.println();
		System.out.println(Benchmarks.historyHeader("server settings"));
		rows.forEach(System.out::println);
		Files.deleteIfExists(work);
	}

}
