package dev.swarm.a2a.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unguessable ids in the text form of random (version 4) UUIDs, for the task, context and
 * correlation ids the server mints on every SendMessage. {@link UUID#randomUUID()} takes its 16
 * bytes from the shared {@link SecureRandom} one call at a time, which costs about a microsecond;
 * here they come from a ChaCha20 keystream, a cryptographically strong generator keyed from
 * SecureRandom, produced a few kilobytes at a time. Stripes chosen by thread keep the event loops
 * from contending. Thread-safe.
 */
final class RandomIds {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final int BLOCK_BYTES = 4096;
  private static final byte[] ZEROS = new byte[BLOCK_BYTES];

  private final Stripe[] stripes;

  RandomIds() {
    SecureRandom seed = new SecureRandom();
    // A power of two, so a thread id picks its stripe with a mask; two to four per processor.
    int count = Integer.highestOneBit(Runtime.getRuntime().availableProcessors()) << 2;
    stripes = new Stripe[count];
    for (int i = 0; i < count; i++) {
      stripes[i] = new Stripe(seed);
    }
  }

  /** A fresh id, such as {@code 3b241101-e2bb-4255-8caf-4136c566a962}. */
  String next() {
    return stripes[(int) Thread.currentThread().threadId() & (stripes.length - 1)].next();
  }

  /** One keystream under its own random key; its nonce counts refills, so a key never sees a nonce twice. */
  private static final class Stripe {
    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] nonce = new byte[12];
    private final byte[] block = new byte[BLOCK_BYTES];
    private long refills;
    private int position = BLOCK_BYTES;

    Stripe(SecureRandom seed) {
      byte[] keyBytes = new byte[32];
      seed.nextBytes(keyBytes);
      key = new SecretKeySpec(keyBytes, "ChaCha20");
      try {
        cipher = Cipher.getInstance("ChaCha20");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this JDK lacks the ChaCha20 cipher every JDK 11+ ships", e);
      }
    }

    synchronized String next() {
      if (position == BLOCK_BYTES) {
        refill();
      }
      long high = (long) LONGS.get(block, position);
      long low = (long) LONGS.get(block, position + 8);
      position += 16;
      // The version 4 and IETF variant bits, as UUID.randomUUID sets them: 122 random bits remain.
      high = high & ~0xF000L | 0x4000L;
      low = low & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
      return new UUID(high, low).toString();
    }

    private void refill() {
      refills++;
      LONGS.set(nonce, 4, refills);
      try {
        cipher.init(Cipher.ENCRYPT_MODE, key, new ChaCha20ParameterSpec(nonce, 1));
        cipher.doFinal(ZEROS, 0, BLOCK_BYTES, block, 0);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot draw ids from the ChaCha20 keystream", e);
      }
      position = 0;
    }
  }
}
