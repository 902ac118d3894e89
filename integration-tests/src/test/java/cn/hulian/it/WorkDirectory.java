package cn.hulian.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Empty folders under {@code target/it-work} for the servers the tests run. */
public final class WorkDirectory {

	private WorkDirectory() {}

	/** An empty folder {@code name}, emptied first if an earlier run left it behind. */
	public static Path fresh(String name) {
		Path directory = Path.of(System.getProperty("hulian.work.dir", "target/it-work"))
				.resolve(name)
				.toAbsolutePath();
		try {
			if (Files.exists(directory)) {
				try (Stream<Path> paths = Files.walk(directory)) {
					for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
						Files.delete(path);
					}
				}
			}
			return Files.createDirectories(directory);
		} catch (IOException e) {
			throw new UncheckedIOException("Could not prepare " + directory, e);
		}
	}
}
