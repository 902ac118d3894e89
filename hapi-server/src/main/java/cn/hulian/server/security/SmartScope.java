package cn.hulian.server.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART on FHIR scope such as {@code system/Observation.rs}, {@code patient/*.read} or {@code user/*.cruds}: a
 * context, a resource type (or all) and the interactions it allows. SMART v2 permissions ({@code cruds}) and v1 ones
 * ({@code read}, {@code write}, {@code *}) are both understood. Scopes with search restrictions
 * ({@code ?category=...}) and anything else unparseable grant nothing.
 *
 * @param context      system, user or patient
 * @param resourceType the resource type, or null for all
 * @param permissions  any of c, r, u, d, s
 */
public record SmartScope(Context context, String resourceType, String permissions) {

	private static final Pattern SCOPE = Pattern.compile("(system|user|patient)/([A-Za-z]+|\\*)\\.([cruds]+|read|write|\\*)");

	public enum Context { SYSTEM, USER, PATIENT }

	public static Optional<SmartScope> parse(String scope) {
		Matcher matcher = SCOPE.matcher(scope);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String permissions = switch (matcher.group(3)) {
			case "read" -> "rs";
			case "write" -> "cud";
			case "*" -> "cruds";
			default -> matcher.group(3);
		};
		String type = matcher.group(2);
		return Optional.of(new SmartScope(Context.valueOf(matcher.group(1).toUpperCase(Locale.ROOT)),
				"*".equals(type) ? null : type, permissions));
	}

	/** The scopes of a space-separated {@code scope} claim that grant something. */
	public static List<SmartScope> parseAll(String scopes) {
		if (scopes == null) {
			return List.of();
		}
		return Arrays.stream(scopes.trim().split("\\s+"))
				.map(SmartScope::parse).flatMap(Optional::stream).toList();
	}

	public boolean allows(char permission) {
		return permissions.indexOf(permission) >= 0;
	}

	/** Whether this scope grants everything {@code other} grants. */
	public boolean covers(SmartScope other) {
		return context == other.context
				&& (resourceType == null || Objects.equals(resourceType, other.resourceType))
				&& other.permissions.chars().allMatch(permission -> allows((char) permission));
	}

	@Override
	public String toString() {
		return context.name().toLowerCase(Locale.ROOT) + "/" + (resourceType == null ? "*" : resourceType) + "." + permissions;
	}
}
