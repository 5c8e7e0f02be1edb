package com.winwinmbs.portal.api.email;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The delivery state of an email. A value the client does not know decodes and re-encodes
 * unchanged; {@link #isKnown()} tells the two apart.
 *
 * <pre>{@code
 * boolean failed = entry.status().equals(EmailStatus.FAILED);
 * }</pre>
 *
 * @param value the wire value
 */
public record EmailStatus(@JsonValue String value) {

  /** {@code queued}: accepted and waiting to be sent */
  public static final EmailStatus QUEUED = new EmailStatus("queued");

  /** {@code sending}: being handed to the mail provider */
  public static final EmailStatus SENDING = new EmailStatus("sending");

  /** {@code sent}: accepted by the mail provider */
  public static final EmailStatus SENT = new EmailStatus("sent");

  /** {@code delivered}: delivered to the recipient's server */
  public static final EmailStatus DELIVERED = new EmailStatus("delivered");

  /** {@code opened}: opened by a recipient */
  public static final EmailStatus OPENED = new EmailStatus("opened");

  /** {@code failed}: could not be sent */
  public static final EmailStatus FAILED = new EmailStatus("failed");

  /** {@code bounced}: rejected by the recipient's server */
  public static final EmailStatus BOUNCED = new EmailStatus("bounced");

  private static final List<EmailStatus> KNOWN =
      List.of(QUEUED, SENDING, SENT, DELIVERED, OPENED, FAILED, BOUNCED);

  public EmailStatus {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static EmailStatus of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (EmailStatus known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new EmailStatus(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<EmailStatus> known() {
    return KNOWN;
  }

  /** Whether this is one of the values this client knows. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  @Override
  public String toString() {
    return value;
  }
}
