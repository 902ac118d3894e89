package cn.hulian.server.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no {@code spring.datasource.url} set, the server starts a real PostgreSQL 17 of its own
 * with its files under {@code ./data/postgres}, so a first run needs nothing installed and keeps its data.
 */
@Configuration
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfig {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

	@Bean(destroyMethod = "close")
	public EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		Path dataDirectory = properties.dataDirectory().toAbsolutePath();
		Files.createDirectories(dataDirectory);
		OrphanedPostmaster.stopIfRunning(dataDirectory, properties.startupWait());
		log.info("Starting embedded PostgreSQL with data in {}", dataDirectory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				// Keep the cluster: initdb runs only on an empty directory.
				.setCleanDataDirectory(false)
				// zonky's defaults are for throw-away test databases (fsync and synchronous commit off); this one
				// holds clinical records, so a committed write must survive a crash.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setPGStartupWait(properties.startupWait())
				// Stopped by this bean's close(), after the connection pool and HAPI's background tasks; zonky's own
				// JVM shutdown hook would stop it concurrently, under their feet.
				.setRegisterShutdownHook(false)
				// UTF-8 whatever the machine locale is: records carry Chinese text; C collation is locale-independent.
				.setLocaleConfig("locale", "C")
				.setLocaleConfig("encoding", "UTF8");
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		return builder.start();
	}

	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	public HikariDataSource dataSource(
			EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
		createDatabaseIfMissing(postgres.getPostgresDatabase(), properties.databaseName());
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.databaseName()));
		dataSource.setUsername("postgres");
		return dataSource;
	}

	private static void createDatabaseIfMissing(DataSource admin, String name) {
		try (Connection connection = admin.getConnection();
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, name);
			try (ResultSet result = exists.executeQuery()) {
				if (result.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				// The name comes from configuration, not from a request; quoting keeps it a single identifier.
				create.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\" ENCODING 'UTF8'");
			}
			log.info("Created database {}", name);
		} catch (SQLException e) {
			throw new IllegalStateException("Could not prepare embedded database " + name, e);
		}
	}
}
