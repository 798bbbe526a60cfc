package dev.swarm.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarm.api.SwarmException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexPersistenceTest {
  private static final int DIM = 16;

  @TempDir Path dir;

  private static VectorIndex filled(float[][] data, int from, int to) {
    VectorIndex index = VectorIndex.builder(DIM).build();
    for (int i = from; i < to; i++) {
      index.add("v" + i, data[i], Map.of("n", Integer.toString(i), "tenant", i % 2 == 0 ? "even" : "odd"));
    }
    return index;
  }

  @Test
  void load_afterSave_restoresIdsMetadataVectorsAndAcceptsInserts() {
    float[][] data = TestVectors.unitVectors(600, DIM, 1);
    VectorIndex saved = filled(data, 0, 500);
    saved.remove("v3");
    saved.save(dir);

    VectorIndex loaded = VectorIndex.builder(DIM).load(dir);

    assertThat(loaded.size()).isEqualTo(499);
    assertThat(loaded.metadata("v3")).isEmpty();
    assertThat(loaded.metadata("v42")).contains(Map.of("n", "42", "tenant", "even"));
    assertThat(loaded.vector("v42")).hasValueSatisfying(v -> assertThat(v).containsExactly(data[42]));
    assertThat(loaded.search(data[7], 5)).isEqualTo(saved.search(data[7], 5));
    for (int i = 500; i < 600; i++) {
      loaded.add("v" + i, data[i], Map.of());
    }
    assertThat(loaded.size()).isEqualTo(599);
    assertThat(loaded.search(data[555], 1).get(0).id()).isEqualTo("v555");
  }

  @Test
  void save_crashMidway_leavesPreviousCopyLoadable() {
    float[][] data = TestVectors.unitVectors(400, DIM, 2);
    filled(data, 0, 100).save(dir);
    List<StoredVector> bigger = List.of(new StoredVector("x", data[300], Map.of()),
        new StoredVector("y", data[301], Map.of()));

    // The stream dies after 40 bytes, as a process would when killed mid-write.
    assertThatThrownBy(() -> IndexFile.write(dir, DIM, bigger, out -> new FailingAfter(out, 40)))
        .isInstanceOf(SwarmException.Retriable.class)
        .hasMessageContaining("previous copy");

    VectorIndex loaded = VectorIndex.builder(DIM).load(dir);
    assertThat(loaded.size()).isEqualTo(100);
    assertThat(loaded.metadata("x")).isEmpty();
  }

  @Test
  void save_afterCrashLeftTempFile_overwritesItAndLoads() throws IOException {
    float[][] data = TestVectors.unitVectors(50, DIM, 3);
    Files.writeString(dir.resolve(IndexFile.FILE_NAME + ".tmp"), "half a file");
    filled(data, 0, 50).save(dir);
    assertThat(VectorIndex.builder(DIM).load(dir).size()).isEqualTo(50);
  }

  @Test
  void load_truncatedFile_isRejectedSayingTruncated() throws IOException {
    filled(TestVectors.unitVectors(50, DIM, 4), 0, 50).save(dir);
    Path file = dir.resolve(IndexFile.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> VectorIndex.builder(DIM).load(dir))
        .isInstanceOf(SwarmException.Permanent.class)
        .hasMessageContaining("truncated").hasMessageContaining(file.toString());
  }

  @Test
  void load_flippedByte_isRejectedAsChecksumMismatch() throws IOException {
    filled(TestVectors.unitVectors(50, DIM, 5), 0, 50).save(dir);
    Path file = dir.resolve(IndexFile.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(file, bytes);

    assertThatThrownBy(() -> VectorIndex.builder(DIM).load(dir))
        .isInstanceOf(SwarmException.Permanent.class).hasMessageContaining("checksum mismatch");
  }

  @Test
  void load_unknownVersion_isRejectedNamingVersions() throws IOException {
    filled(TestVectors.unitVectors(5, DIM, 6), 0, 5).save(dir);
    Path file = dir.resolve(IndexFile.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).putInt(4, 99);
    Files.write(file, bytes);

    assertThatThrownBy(() -> VectorIndex.builder(DIM).load(dir))
        .isInstanceOf(SwarmException.Permanent.class)
        .hasMessageContaining("version 99").hasMessageContaining("version " + IndexFile.VERSION);
  }

  @Test
  void load_otherDimensionOrMissingFile_isRejectedClearly() {
    assertThatThrownBy(() -> VectorIndex.builder(DIM).load(dir))
        .isInstanceOf(SwarmException.Permanent.class).hasMessageContaining("missing");
    filled(TestVectors.unitVectors(5, DIM, 7), 0, 5).save(dir);
    assertThatThrownBy(() -> VectorIndex.builder(DIM * 2).load(dir))
        .isInstanceOf(SwarmException.Permanent.class)
        .hasMessageContaining(DIM + "-dimensional").hasMessageContaining(Integer.toString(DIM * 2));
  }

  /** An output stream that throws once {@code limit} bytes went through. */
  private static final class FailingAfter extends FilterOutputStream {
    private int left;

    FailingAfter(OutputStream out, int limit) {
      super(out);
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      if (left-- <= 0) {
        throw new IOException("simulated crash");
      }
      super.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      for (int i = 0; i < len; i++) {
        write(b[off + i]);
      }
    }
  }
}
