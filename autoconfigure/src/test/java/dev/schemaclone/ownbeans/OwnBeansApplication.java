package dev.schemaclone.ownbeans;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application whose migration beans are its own, each test naming the shape it
 * declares (see {@link OwnBeans}). It scans nothing, so that no other test's beans join
 * it and the shapes here join no other test's application.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OwnBeansApplication {

}
