package cn.hulian.bench;

import java.util.Map;

/** The server configurations measured: as shipped, and with profile validation and regulation rules switched off. */
enum ServerConfiguration {

	ON("on", "validation+rules on", Map.of()),
	OFF("off", "validation+rules off", Map.of("HULIAN_VALIDATION_ENABLED", "false", "HULIAN_POLICY_ENABLED", "false"));

	final String key;
	final String title;
	/** Environment variables the server is started with; audit stays on in both. */
	final Map<String, String> environment;

	ServerConfiguration(String key, String title, Map<String, String> environment) {
		this.key = key;
		this.title = title;
		this.environment = environment;
	}
}
