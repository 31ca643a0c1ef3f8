package dev.schemaclone.benchmarks;

import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints how long each application context took to start, for the harness to read from a
 * fork's output.
 */
class ContextStartTimes implements SpringApplicationRunListener {

	static final String MARKER = "[benchmark] context started in ";

	ContextStartTimes(SpringApplication application, String[] args) {
	}

	@Override
	public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
		System.out.println(MARKER + timeTaken.toMillis() + " ms");
	}

}
