package cn.hulian.it.reliability;

import static cn.hulian.it.reliability.HostileRequest.Expectation.HARMLESS_READ;
import static cn.hulian.it.reliability.HostileRequest.Expectation.MATCHES_NOTHING;
import static cn.hulian.it.reliability.HostileRequest.Expectation.REFUSED;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Malformed and malicious requests, drawn from a seed: broken and deeply nested JSON and XML, XML entities, invalid
 * UTF-8, unknown types, injection in search parameters, absurd page sizes, path traversal in ids, abusive Bundles,
 * bodies of the wrong shape and oversized requests. The same seed gives the same requests.
 */
final class HostileRequests {

	static final String PATIENT = """
			{"resourceType":"Patient","name":[{"text":"王小明","family":"王","given":["小明"]}],"gender":"male","birthDate":"1990-03-07",\
			"address":[{"city":"北京市","district":"东城区"}]}""";
	private static final String FHIR_JSON = "application/fhir+json";
	private static final String FHIR_XML = "application/fhir+xml";
	private static final String STRUCTURE = "{}[]:,";
	private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE hfj_resource;--",
			"\" OR \"\"=\"", "') OR ('a'='a", "%' OR 1=1 --", "1' AND pg_sleep(5)--", "'; SELECT * FROM pg_user;--",
			"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1:1/a}",
			"{{7*7}}", "*)(uid=*))(|(uid=*", "../../../../etc/passwd", "王' OR 'x'='x");
	private static final List<String> STRING_SEARCHES = List.of("Patient?name=", "Patient?family=", "Patient?given=",
			"Patient?address=", "Patient?identifier=", "Patient?telecom=", "Basic?identifier=", "Observation?code=",
			"Condition?code=", "Patient?_id=", "Encounter?identifier=");
	private static final List<String> TYPED_PARAMETERS = List.of("Patient?birthdate=", "Patient?_lastUpdated=",
			"Observation?value-quantity=", "Patient?_sort=", "Patient?_include=", "Patient?_revinclude=",
			"Patient?_has:Observation:patient:code=", "Patient?general-practitioner=", "Patient?_summary=",
			"Patient?_total=", "Patient?_elements=");
	private static final List<String> COUNTS = List.of("-1", "-2147483648", "2147483648", "99999999999", "1000000",
			"1e6", "abc", "0x10", "1.5", "", "%20", "NaN");
	private static final List<String> TRAVERSALS = List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
			"..%252F..%252Fetc%252Fpasswd", "a%00b", "%2e%2e", "..;", "..;/..;/actuator/env", "../../actuator/prometheus",
			"..%5C..%5Cwindows%5Cwin.ini", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "x".repeat(65), "%C0%AE%C0%AE%2F",
			"id%20with%20spaces", "%E2%80%AE", "%0d%0aSet-Cookie:%20x=1");

	private final Random random;
	private final List<String> storedPatients;
	private final List<Category> categories = new ArrayList<>();

	/** {@code storedPatients}: ids of records that must stay as they are (targets of hostile updates). */
	HostileRequests(Random random, List<String> storedPatients) {
		this.random = random;
		this.storedPatients = storedPatients;
		category(14, this::malformedJson);
		category(6, this::nestedJson);
		category(8, this::malformedXml);
		category(4, this::nestedXml);
		category(6, this::xmlEntities);
		category(8, this::invalidUtf8);
		category(8, this::unknownType);
		category(14, this::injection);
		category(8, this::absurdCount);
		category(10, this::traversal);
		category(5, this::abusiveBundle);
		category(8, this::wrongShape);
		category(1, this::oversized);
	}

	/** The next request of the sequence the seed gives. */
	synchronized HostileRequest next() {
		int pick = random.nextInt(categories.stream().mapToInt(Category::weight).sum());
		for (Category category : categories) {
			pick -= category.weight;
			if (pick < 0) {
				return category.draw.get();
			}
		}
		throw new IllegalStateException("No category drawn");
	}

	private void category(int weight, Supplier<HostileRequest> draw) {
		categories.add(new Category(weight, draw));
	}

	private HostileRequest malformedJson() {
		String damaged;
		if (random.nextBoolean()) {
			damaged = PATIENT.substring(0, 1 + random.nextInt(PATIENT.length() - 2));
		} else {
			// Swap one structural character for another: the names and dates hold none, so this always breaks it.
			List<Integer> structural = new ArrayList<>();
			for (int i = 0; i < PATIENT.length(); i++) {
				if (STRUCTURE.indexOf(PATIENT.charAt(i)) >= 0 && !insideString(PATIENT, i)) {
					structural.add(i);
				}
			}
			int at = structural.get(random.nextInt(structural.size()));
			char replacement;
			do {
				replacement = STRUCTURE.charAt(random.nextInt(STRUCTURE.length()));
			} while (replacement == PATIENT.charAt(at));
			damaged = PATIENT.substring(0, at) + replacement + PATIENT.substring(at + 1);
		}
		return write("malformed JSON", "POST", "/Patient", FHIR_JSON, damaged);
	}

	private HostileRequest nestedJson() {
		int depth = 1100 + random.nextInt(50_000);
		String nested = random.nextBoolean()
				? "[".repeat(depth) + "]".repeat(depth)
				: "{\"resourceType\":\"Patient\",\"extension\":"
						+ "[{\"url\":\"http://x\",\"extension\":".repeat(depth) + "[]" + "}]".repeat(depth) + "}";
		return write("deeply nested JSON", "POST", "/Patient", FHIR_JSON, nested);
	}

	private HostileRequest malformedXml() {
		String xml = "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"王\"/><given value=\"小明\"/></name>"
				+ "<gender value=\"male\"/><birthDate value=\"1990-03-07\"/></Patient>";
		String damaged = switch (random.nextInt(3)) {
			case 0 -> xml.substring(0, 1 + random.nextInt(xml.length() - 2));
			case 1 -> xml.replace("</name>", "</nam>");
			default -> xml.replace("<given value=\"小明\"/>", "<given value=\"小明\">");
		};
		return write("malformed XML", "POST", "/Patient", FHIR_XML, damaged);
	}

	private HostileRequest nestedXml() {
		int depth = 1100 + random.nextInt(20_000);
		String xml = "<Patient xmlns=\"http://hl7.org/fhir\">" + "<extension url=\"http://x\">".repeat(depth)
				+ "</extension>".repeat(depth) + "</Patient>";
		return write("deeply nested XML", "POST", "/Patient", FHIR_XML, xml);
	}

	private HostileRequest xmlEntities() {
		String declaration = switch (random.nextInt(4)) {
			case 0 -> "<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
			case 1 -> "<!DOCTYPE p [<!ENTITY x SYSTEM \"http://127.0.0.1:1/secret\">]>";
			case 2 -> "<!DOCTYPE p [<!ENTITY % remote SYSTEM \"file:///etc/hostname\"> %remote; <!ENTITY x \"y\">]>";
			default -> "<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\">"
					+ "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
					+ "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY x \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>";
		};
		String xml = "<?xml version=\"1.0\"?>" + declaration
				+ "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&x;\"/></name></Patient>";
		return write("XML entities (XXE)", "POST", "/Patient", FHIR_XML, xml);
	}

	private HostileRequest invalidUtf8() {
		byte[][] invalid = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
				{(byte) 0xc0, (byte) 0xaf}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
				{(byte) 0xe4, (byte) 0xb8}};
		byte[] bad = invalid[random.nextInt(invalid.length)];
		if (random.nextBoolean()) {
			StringBuilder escaped = new StringBuilder();
			for (byte b : bad) {
				escaped.append('%').append(String.format("%02X", b & 0xff));
			}
			return new HostileRequest("invalid UTF-8", "GET", "/Patient?name=" + escaped, Map.of(), null, REFUSED);
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String[] around = PATIENT.split("王小明", 2);
		body.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bad);
		body.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
		return new HostileRequest("invalid UTF-8", "POST", "/Patient", Map.of("Content-Type", FHIR_JSON),
				body.toByteArray(), REFUSED);
	}

	private HostileRequest unknownType() {
		StringBuilder type = new StringBuilder().append((char) ('A' + random.nextInt(26)));
		for (int i = random.nextInt(12); i >= 0; i--) {
			type.append((char) ('a' + random.nextInt(26)));
		}
		String body = "{\"resourceType\":\"" + type + "\",\"id\":\"x\"}";
		return switch (random.nextInt(4)) {
			case 0 -> new HostileRequest("unknown resource type", "GET", "/" + type + "?name=x", Map.of(), null, REFUSED);
			case 1 -> new HostileRequest("unknown resource type", "DELETE", "/" + type + "/x", Map.of(), null, REFUSED);
			case 2 -> write("unknown resource type", "PUT", "/" + type + "/x", FHIR_JSON, body);
			default -> write("unknown resource type", "POST", "/" + type, FHIR_JSON, body);
		};
	}

	private HostileRequest injection() {
		String payload = INJECTIONS.get(random.nextInt(INJECTIONS.size()));
		boolean typed = random.nextInt(3) == 0;
		String search = typed ? TYPED_PARAMETERS.get(random.nextInt(TYPED_PARAMETERS.size()))
				: STRING_SEARCHES.get(random.nextInt(STRING_SEARCHES.size()));
		return new HostileRequest("injection in search", "GET", "/" + search + encode(payload), Map.of(), null,
				MATCHES_NOTHING);
	}

	private HostileRequest absurdCount() {
		String count = COUNTS.get(random.nextInt(COUNTS.size()));
		String target = switch (random.nextInt(5)) {
			case 0 -> "/Patient?_count=";
			case 1 -> "/Basic?_count=";
			case 2 -> "/Patient/" + storedPatient() + "/$everything?_count=";
			case 3 -> "/Patient/_history?_count=";
			default -> "/AuditEvent?_count=";
		};
		String offset = random.nextInt(4) == 0 ? "&_offset=" + COUNTS.get(random.nextInt(COUNTS.size())) : "";
		return new HostileRequest("absurd _count", "GET", target + count + offset, Map.of(), null, HARMLESS_READ);
	}

	private HostileRequest traversal() {
		String id = TRAVERSALS.get(random.nextInt(TRAVERSALS.size()));
		return switch (random.nextInt(3)) {
			case 0 -> new HostileRequest("path traversal in id", "GET", "/Patient/" + id, Map.of(), null, REFUSED);
			case 1 -> new HostileRequest("path traversal in id", "DELETE", "/Patient/" + id, Map.of(), null, REFUSED);
			default -> write("path traversal in id", "PUT", "/Patient/" + id, FHIR_JSON,
					PATIENT.replace("{\"resourceType\":\"Patient\",", "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\","));
		};
	}

	private HostileRequest abusiveBundle() {
		String tag = "{\"system\":\"" + CrashMidIngest.BUNDLE_TAG_SYSTEM + "\",\"code\":\"hostile\"}";
		String basic = "{\"resourceType\":\"Basic\",\"meta\":{\"tag\":[" + tag + "]},\"code\":{\"text\":\"x\"}%s}";
		String entries = switch (random.nextInt(6)) {
			// the same fullUrl twice
			case 0 -> entry("urn:uuid:" + uuid(1), basic.formatted("")) + "," + entry("urn:uuid:" + uuid(1), basic.formatted(""));
			// a reference to an entry that is not there
			case 1 -> entry("urn:uuid:" + uuid(1),
					basic.formatted(",\"subject\":{\"reference\":\"urn:uuid:" + uuid(9) + "\"}"));
			// a transaction inside a transaction
			case 2 -> entry("urn:uuid:" + uuid(1), "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[]}");
			// two entries referring to each other, and one that fails validation: nothing may be kept
			case 3 -> entry("urn:uuid:" + uuid(1), basic.formatted(",\"subject\":{\"reference\":\"urn:uuid:" + uuid(2) + "\"}"))
					+ "," + entry("urn:uuid:" + uuid(2), basic.formatted(",\"subject\":{\"reference\":\"urn:uuid:" + uuid(1) + "\"}"))
					+ "," + invalidPatientEntry(3);
			// thousands of entries whose last fails validation, after all the others were processed: none may be kept
			case 4 -> manyEntries(basic, 1000 + random.nextInt(2000));
			// more entries than the server takes
			default -> manyEntries(basic, 5001 + random.nextInt(1000));
		};
		return write("abusive Bundle", "POST", "", FHIR_JSON,
				"{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}");
	}

	private HostileRequest wrongShape() {
		String stored = storedPatient();
		return switch (random.nextInt(8)) {
			case 0 -> write("wrong shape", "PUT", "/Patient/" + stored, FHIR_JSON,
					PATIENT.replace("{\"resourceType\":\"Patient\",", "{\"resourceType\":\"Patient\",\"id\":\"other\","));
			case 1 -> write("wrong shape", "PUT", "/Patient/" + stored, FHIR_JSON,
					"{\"resourceType\":\"Observation\",\"id\":\"" + stored + "\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}");
			case 2 -> write("wrong shape", "POST", "/Patient", FHIR_JSON, "");
			case 3 -> write("wrong shape", "POST", "/Patient", "text/plain", PATIENT);
			case 4 -> write("wrong shape", "PATCH", "/Patient/" + stored, "application/json-patch+json",
					"[{\"op\":\"explode\",\"path\":\"/name\"}]");
			case 5 -> new HostileRequest("wrong shape", "DELETE", "/Patient", Map.of(), null, REFUSED);
			case 6 -> write("wrong shape", "POST", "/Patient/" + stored, FHIR_JSON, PATIENT);
			default -> new HostileRequest("wrong shape", "GET", "/Patient/" + stored,
					Map.of("X-Padding", "a".repeat(20_000 + random.nextInt(20_000))), null, REFUSED);
		};
	}

	private HostileRequest oversized() {
		if (random.nextBoolean()) {
			// FHIR strings are at most 1 MB.
			String huge = "长".repeat(1024 * 1024 + 1 + random.nextInt(100_000));
			return write("oversized", "POST", "/Patient", FHIR_JSON, PATIENT.replace("王小明", huge));
		}
		String tooLarge = "x".repeat(21 * 1024 * 1024);
		return write("oversized", "POST", "/Patient", FHIR_JSON, PATIENT.replace("王小明", tooLarge));
	}

	/** {@code count - 1} Basic entries, then one Patient that fails validation. */
	private static String manyEntries(String basic, int count) {
		StringBuilder entries = new StringBuilder();
		for (int i = 1; i < count; i++) {
			entries.append(entry("urn:uuid:" + uuid(i), basic.formatted(""))).append(',');
		}
		return entries.append(invalidPatientEntry(count)).toString();
	}

	/** A Patient that claims the Hulian patient profile and has none of what it requires: 422 when it is stored. */
	private static String invalidPatientEntry(int n) {
		return "{\"fullUrl\":\"urn:uuid:" + uuid(n) + "\",\"resource\":{\"resourceType\":\"Patient\",\"meta\":"
				+ "{\"profile\":[\"http://hulian.cn/fhir/StructureDefinition/cn-patient\"]}},"
				+ "\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}";
	}

	private static String entry(String fullUrl, String resource) {
		return "{\"fullUrl\":\"" + fullUrl + "\",\"resource\":" + resource
				+ ",\"request\":{\"method\":\"POST\",\"url\":\"Basic\"}}";
	}

	private static String uuid(int n) {
		return "00000000-0000-4000-8000-%012d".formatted(n);
	}

	private String storedPatient() {
		return storedPatients.get(random.nextInt(storedPatients.size()));
	}

	private static HostileRequest write(String category, String method, String path, String contentType, String body) {
		return new HostileRequest(category, method, path, Map.of("Content-Type", contentType),
				body.getBytes(StandardCharsets.UTF_8), REFUSED);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Whether position {@code at} of {@code json} lies inside a string literal (which holds no escaped quotes here). */
	private static boolean insideString(String json, int at) {
		int quotes = 0;
		for (int i = 0; i < at; i++) {
			if (json.charAt(i) == '"') {
				quotes++;
			}
		}
		return quotes % 2 == 1;
	}

	private record Category(int weight, Supplier<HostileRequest> draw) {}
}
