package cn.hulian.server.subscriptions;

import cn.hulian.server.records.ServerTags;
import cn.hulian.server.security.Caller;
import cn.hulian.server.security.Role;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The platform client a Subscription belongs to, kept as a tag ({@code meta.tag}) that the server sets when a regional
 * platform creates it: {@code <client id>@<issuer>}, so that clients of two identity providers never share one.
 * A Subscription's headers may carry its platform's credentials for the receiver, so each platform sees and changes
 * only its own ({@link OwnSubscriptionsOnly}); administrators manage all of them.
 */
public final class SubscriptionOwner {

	public static final String SYSTEM = "http://hulian.cn/fhir/CodeSystem/subscription-owner";

	private SubscriptionOwner() {}

	/** The owner a Subscription created by {@code caller} gets. */
	public static String of(Caller caller) {
		return of(caller.issuer(), caller.clientId());
	}

	public static String of(String issuer, String clientId) {
		return clientId + "@" + issuer;
	}

	/** The owner tagged on {@code subscription}, empty if none (stored before owners were kept, or by an administrator). */
	public static Optional<String> of(IBaseResource subscription) {
		return ServerTags.code(subscription, SYSTEM);
	}

	/** Whether {@code subscription} is tagged as {@code owner}'s. */
	public static boolean owns(String owner, IBaseResource subscription) {
		return of(subscription).filter(owner::equals).isPresent();
	}

	/** Tags {@code owner} on {@code subscription}, replacing whatever the client said. */
	static void set(IBaseResource subscription, String owner) {
		ServerTags.set(subscription, SYSTEM, owner);
	}

	/** Whether callers of {@code role} are held to their own Subscriptions: regional platforms. */
	public static boolean limitsTo(Role role) {
		return role == Role.REGIONAL_PLATFORM;
	}
}
