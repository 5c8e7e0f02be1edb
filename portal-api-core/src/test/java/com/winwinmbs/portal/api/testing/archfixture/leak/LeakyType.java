package com.winwinmbs.portal.api.testing.archfixture.leak;

import com.winwinmbs.portal.api.testing.archfixture.internal.InternalType;
import java.util.List;

/** A public type of the architecture fixture whose public signatures name an internal type. */
public class LeakyType {

  public List<InternalType> leakedField = List.of();

  private InternalType hiddenField = new InternalType();

  public LeakyType(InternalType leakedConstructorParameter) {}

  public InternalType leakedReturnType() {
    return hiddenField;
  }

  protected void leakedParameter(InternalType value) {}

  void packagePrivateParameter(InternalType value) {}

  private InternalType privateReturnType() {
    return hiddenField;
  }

  /** A public nested type whose supertype is internal-typed. */
  public static final class LeakySupertype implements Comparable<InternalType> {
    @Override
    public int compareTo(InternalType other) {
      return 0;
    }
  }
}
