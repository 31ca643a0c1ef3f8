package dev.schemaclone.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A synthetic Flyway history shaped like a real one: tables created over time with
 * foreign keys to earlier ones, later migrations that evolve earlier tables (columns,
 * indexes, reference rows), views, triggers and a procedure; the last migration records
 * that the history ran, outside the schema, so that runs can be counted.
 *
 * @param migrations how many versioned migrations
 * @param tables how many tables they create
 * @param folder where the files are
 */
record GeneratedHistory(int migrations, int tables, Path folder) {

	static final String COUNTER_SCHEMA = "benchmark_counter";

	static GeneratedHistory write(int migrations, int tables, Path parent) {
		Path folder = parent.resolve(migrations + "x" + tables);
		Random random = new Random(migrations * 31L + tables);
		try {
			Files.createDirectories(folder);
			int created = 0;
			for (int version = 1; version < migrations; version++) {
				StringBuilder sql = new StringBuilder();
				int due = Math.max(1, (int) ((long) version * tables / (migrations - 1)));
				if (due > created) {
					while (created < due) {
						created++;
						createTable(sql, created, random);
					}
				}
				else {
					evolve(sql, version, 1 + random.nextInt(created), random);
				}
				if (version % 50 == 0) {
					view(sql, version, created);
				}
				if (version % 100 == 0) {
					trigger(sql, version, created);
				}
				if (version == migrations / 2) {
					procedure(sql);
				}
				Files.writeString(folder.resolve("V" + version + "__step_" + version + ".sql"), sql);
			}
			Files.writeString(folder.resolve("V" + migrations + "__count_the_run.sql"), "INSERT INTO " + COUNTER_SCHEMA
					+ ".runs (history) VALUES ('" + migrations + "x" + tables + "');\n");
			return new GeneratedHistory(migrations, tables, folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Write the same history as one Liquibase formatted-SQL change log, a change set per
	 * migration; the procedure's change set ends its statements with {@code //}, as the
	 * Flyway script does with {@code DELIMITER //}.
	 * @return the change log's path
	 */
	Path liquibaseChangeLog() {
		StringBuilder changeLog = new StringBuilder("--liquibase formatted sql\n");
		try {
			for (int version = 1; version <= this.migrations; version++) {
				String name = (version < this.migrations) ? "V" + version + "__step_" + version + ".sql"
						: "V" + version + "__count_the_run.sql";
				String sql = Files.readString(this.folder.resolve(name));
				int routine = sql.indexOf("DELIMITER //");
				if (routine < 0) {
					changeLog.append("\n--changeset bench:").append(version).append('\n').append(sql);
				}
				else {
					changeLog.append("\n--changeset bench:").append(version).append('\n').append(sql, 0, routine);
					changeLog.append("\n--changeset bench:")
						.append(version)
						.append("-routine endDelimiter://\n")
						.append(sql.substring(routine).replace("DELIMITER //\n", "").replace("DELIMITER ;\n", ""));
				}
			}
			Path file = this.folder.resolveSibling(this.folder.getFileName() + "-liquibase.sql");
			Files.writeString(file, changeLog);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String location() {
		return "filesystem:" + this.folder;
	}

	String label() {
		return this.migrations + " migrations / " + this.tables + " tables";
	}

	private static void createTable(StringBuilder sql, int table, Random random) {
		sql.append("CREATE TABLE t")
			.append(table)
			.append(" (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n")
			.append("  name VARCHAR(100) NOT NULL,\n  code CHAR(8) NULL,\n  amount DECIMAL(10,2) NOT NULL DEFAULT 0,\n")
			.append("  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP");
		if (table > 1 && random.nextInt(4) != 0) {
			int parent = 1 + random.nextInt(table - 1);
			sql.append(",\n  t")
				.append(parent)
				.append("_id BIGINT NULL,\n  CONSTRAINT fk_t")
				.append(table)
				.append("_t")
				.append(parent)
				.append(" FOREIGN KEY (t")
				.append(parent)
				.append("_id) REFERENCES t")
				.append(parent)
				.append(" (id) ON DELETE SET NULL");
		}
		sql.append(",\n  KEY ix_t").append(table).append("_name (name)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n");
	}

	private static void evolve(StringBuilder sql, int version, int table, Random random) {
		switch (random.nextInt(3)) {
			case 0 -> sql.append("ALTER TABLE t")
				.append(table)
				.append(" ADD COLUMN c")
				.append(version)
				.append(" VARCHAR(40) NULL;\n");
			case 1 -> sql.append("ALTER TABLE t")
				.append(table)
				.append(" ADD COLUMN n")
				.append(version)
				.append(" INT NOT NULL DEFAULT 0, ADD KEY ix_t")
				.append(table)
				.append("_n")
				.append(version)
				.append(" (n")
				.append(version)
				.append(");\n");
			default -> {
				sql.append("INSERT INTO t").append(table).append(" (name, code, amount) VALUES");
				for (int row = 0; row < 3; row++) {
					sql.append(row == 0 ? " " : ", ")
						.append("('ref ")
						.append(version)
						.append('-')
						.append(row)
						.append("', 'R")
						.append(version)
						.append("', ")
						.append(row)
						.append(".50)");
				}
				sql.append(";\n");
			}
		}
	}

	private static void view(StringBuilder sql, int version, int created) {
		sql.append("CREATE VIEW v")
			.append(version)
			.append(" AS SELECT a.id, a.name, b.name AS other FROM t")
			.append(Math.max(1, created - 1))
			.append(" a LEFT JOIN t")
			.append(created)
			.append(" b ON b.id = a.id;\n");
	}

	private static void trigger(StringBuilder sql, int version, int created) {
		sql.append("CREATE TRIGGER trg")
			.append(version)
			.append(" BEFORE INSERT ON t")
			.append(created)
			.append(" FOR EACH ROW SET NEW.code = COALESCE(NEW.code, 'AUTO');\n");
	}

	private static void procedure(StringBuilder sql) {
		sql.append("DELIMITER //\nCREATE PROCEDURE add_row(IN p_name VARCHAR(100))\nBEGIN\n")
			.append("  INSERT INTO t1 (name) VALUES (p_name);\nEND //\nDELIMITER ;\n");
	}

}
