package dev.schemaclone.sample.liquibase;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notes and their topics.
 */
@Repository
public class NoteRepository {

	private final JdbcClient jdbc;

	public NoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(String topic, String text) {
		this.jdbc.sql("INSERT INTO note (topic_code, text) VALUES (?, ?)").params(topic, text).update();
	}

	public List<String> texts(String topic) {
		return this.jdbc.sql("SELECT text FROM note WHERE topic_code = ? ORDER BY id")
			.param(topic)
			.query(String.class)
			.list();
	}

	public List<String> topics() {
		return this.jdbc.sql("SELECT code FROM topic ORDER BY code").query(String.class).list();
	}

}
