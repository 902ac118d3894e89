package cn.hulian.server.policy;

/**
 * A resource breaking a rule: where, and the message (a key of {@code i18n/messages*.properties} and its arguments),
 * so that the OperationOutcome can say it in the client's language.
 */
public record RuleViolation(String path, String messageKey, Object... arguments) {}
