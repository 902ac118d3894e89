package cn.hulian.server.subscriptions;

import ca.uhn.fhir.jpa.subscription.match.deliver.email.EmailDetails;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import org.springframework.stereotype.Component;

/**
 * HAPI's subscription delivery wants a mail sender. Email channels are refused when a Subscription is written
 * ({@link SubscriptionRequestChecks}), so none is ever asked to send.
 */
@Component
class NoEmailChannel implements IEmailSender {

	@Override
	public void send(EmailDetails details) {
		throw new UnsupportedOperationException("Subscriptions deliver over rest-hook only");
	}
}
