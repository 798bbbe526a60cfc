package dev.swarm.vector;

import dev.swarm.api.SwarmException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk form of an index: one file of ids, metadata and vectors behind a format version and
 * ahead of a checksum. It is written beside its final name and renamed over it only once it is
 * synced, so a reader finds the old copy or the new one, never half of one.
 *
 * <pre>
 * header:  int MAGIC, int VERSION, int dimension
 * entries: byte 1, UTF id, int n, n x (UTF key, UTF value), dimension x float   (repeated)
 * end:     byte 0, int count, long crc32(everything before it), int END_MAGIC
 * </pre>
 *
 * The graph itself is not saved: it is rebuilt on load, which keeps the format independent of
 * jvector's internal layout across versions.
 */
final class IndexFile {
  static final String FILE_NAME = "vectors.swv";
  static final int VERSION = 1;
  private static final Logger LOG = LoggerFactory.getLogger(IndexFile.class);
  private static final int MAGIC = 0x53575649; // "SWVI"
  private static final int END_MAGIC = 0x454E4421; // "END!"
  private static final int HEADER_BYTES = 12;
  private static final int TRAILER_BYTES = 1 + 4 + 8 + 4;

  private IndexFile() {}

  /**
   * Writes {@code vectors} to {@code directory} atomically. {@code decorate} wraps the raw file
   * stream; tests pass one that fails midway to stand in for a crash.
   */
  static void write(
      Path directory, int dimension, List<StoredVector> vectors, UnaryOperator<OutputStream> decorate) {
    Path target = directory.resolve(FILE_NAME);
    Path temp = directory.resolve(FILE_NAME + ".tmp");
    try {
      Files.createDirectories(directory);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
            new BufferedOutputStream(decorate.apply(Channels.newOutputStream(channel)), 1 << 16), crc));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(dimension);
        for (StoredVector v : vectors) {
          out.writeByte(1);
          out.writeUTF(v.id());
          out.writeInt(v.metadata().size());
          for (Map.Entry<String, String> e : v.metadata().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
          }
          for (float component : v.vector()) {
            out.writeFloat(component);
          }
        }
        out.writeByte(0);
        out.writeInt(vectors.size());
        out.flush();
        // The checksum covers everything before it, so it is written outside the checked stream.
        DataOutputStream tail = new DataOutputStream(decorate.apply(Channels.newOutputStream(channel)));
        tail.writeLong(crc.getValue());
        tail.writeInt(END_MAGIC);
        tail.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system cannot rename atomically in " + directory, e);
      }
      syncDirectory(directory);
    } catch (IOException e) {
      throw new SwarmException.Retriable(
          "could not save the vector index to " + directory + " (" + e.getMessage()
              + "); the previous copy, if any, is intact",
          e);
    }
  }

  /** Reads what {@link #write} wrote, checking format, version, dimension and checksum. */
  static List<StoredVector> read(Path directory, int dimension) {
    Path file = directory.resolve(FILE_NAME);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SwarmException.Permanent("no saved vector index in " + directory + ": " + file + " is missing", e);
    } catch (IOException e) {
      throw new SwarmException.Permanent("could not read the vector index " + file + ": " + e.getMessage(), e);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    if (bytes.length < HEADER_BYTES || buffer.getInt(0) != MAGIC) {
      throw corrupt(file, "it is not a swarm vector index (bad magic number)");
    }
    int version = buffer.getInt(4);
    if (version != VERSION) {
      throw corrupt(file, "format version " + version + " is not supported; this build reads version " + VERSION);
    }
    int savedDimension = buffer.getInt(8);
    if (savedDimension != dimension) {
      throw new SwarmException.Permanent("the vector index " + file + " holds " + savedDimension
          + "-dimensional vectors but " + dimension + " were expected");
    }
    if (bytes.length < HEADER_BYTES + TRAILER_BYTES || buffer.getInt(bytes.length - 4) != END_MAGIC) {
      throw corrupt(file, "it is truncated (" + bytes.length + " bytes, end marker missing)");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 12);
    if (crc.getValue() != buffer.getLong(bytes.length - 12)) {
      throw corrupt(file, "checksum mismatch: the file was changed or damaged after it was written");
    }
    try {
      return parse(new DataInputStream(new ByteArrayInputStream(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES)),
          dimension, file);
    } catch (EOFException e) {
      throw corrupt(file, "it ends inside an entry");
    } catch (IOException e) {
      throw corrupt(file, e.getMessage());
    }
  }

  private static List<StoredVector> parse(DataInputStream in, int dimension, Path file) throws IOException {
    List<StoredVector> vectors = new ArrayList<>();
    while (true) {
      byte marker = in.readByte();
      if (marker == 0) {
        break;
      }
      if (marker != 1) {
        throw corrupt(file, "unexpected entry marker " + marker + " after " + vectors.size() + " entries");
      }
      String id = in.readUTF();
      int entries = in.readInt();
      if (entries < 0) {
        throw corrupt(file, "negative metadata size for id " + id);
      }
      Map<String, String> metadata = new HashMap<>();
      for (int i = 0; i < entries; i++) {
        metadata.put(in.readUTF(), in.readUTF());
      }
      float[] vector = new float[dimension];
      for (int i = 0; i < dimension; i++) {
        vector[i] = in.readFloat();
      }
      vectors.add(new StoredVector(id, vector, metadata));
    }
    int count = in.readInt();
    if (count != vectors.size()) {
      throw corrupt(file, "it declares " + count + " vectors but holds " + vectors.size());
    }
    return vectors;
  }

  private static void syncDirectory(Path directory) {
    // Makes the rename itself durable; not every platform can open a directory, hence best effort.
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      LOG.debug("could not sync directory {} after saving; the rename may not survive a power loss", directory, e);
    }
  }

  private static SwarmException.Permanent corrupt(Path file, String why) {
    return new SwarmException.Permanent("cannot load the vector index " + file + ": " + why);
  }
}
