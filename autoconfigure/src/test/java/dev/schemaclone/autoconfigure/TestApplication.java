package dev.schemaclone.autoconfigure;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest application with a MySQL data source and Flyway, for tests with real
 * contexts.
 */
@SpringBootApplication
public class TestApplication {

}
