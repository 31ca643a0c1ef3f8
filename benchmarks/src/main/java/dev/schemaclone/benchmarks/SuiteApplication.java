package dev.schemaclone.benchmarks;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the whole-suite benchmark: a data source and Flyway, nothing else.
 */
@SpringBootApplication
class SuiteApplication {

}
