package cn.hulian.server.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PostgreSQL the server starts itself when no external database is configured ({@code hulian.database.embedded.*}).
 *
 * @param dataDirectory where the cluster keeps its files; kept across restarts
 * @param databaseName  the database HAPI's tables live in
 * @param port          the port PostgreSQL listens on (localhost only); 0 picks a free one
 * @param startupWait   how long to wait for PostgreSQL to accept connections
 */
@ConfigurationProperties("hulian.database.embedded")
public record EmbeddedDatabaseProperties(Path dataDirectory, String databaseName, Integer port, Duration startupWait) {

	public EmbeddedDatabaseProperties {
		dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
		databaseName = databaseName == null ? "hulian" : databaseName;
		port = port == null ? 0 : port;
		startupWait = startupWait == null ? Duration.ofSeconds(60) : startupWait;
	}
}
