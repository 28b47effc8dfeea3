package dev.lambdalocal.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionPackageTests {

  @TempDir Path dir;

  @Test
  void classesAtTheRootAndDependenciesUnderLibSortedByName() throws IOException {
    Path classes = classes(dir.resolve("a"));
    Path zDep = jar(dir.resolve("z-dep.jar"));
    Path bDep = jar(dir.resolve("b-dep.jar"));
    // tag::library[]
    Path zip =
        FunctionPackage.builder()
            .classes(classes)
            .dependencies(List.of(zDep, bDep))
            .allowSecret("certs/test-ca.pem")
            .output(dir.resolve("out/function.zip"))
            .build()
            .zip();
    // end::library[]

    assertThat(names(zip))
        .containsExactly(
            "example/",
            "example/Handler.class",
            "lib/",
            "lib/b-dep.jar",
            "lib/z-dep.jar",
            "log4j2.xml");
    try (ZipFile file = new ZipFile(zip.toFile())) {
      assertThat(file.getInputStream(file.getEntry("log4j2.xml")).readAllBytes())
          .isEqualTo("<Configuration/>".getBytes(StandardCharsets.UTF_8));
      assertThat(file.getEntry("example/Handler.class").getTimeLocal())
          .isEqualTo("1980-01-01T00:00");
    }
  }

  @Test
  void sameInputsGiveTheSameBytesWhereverAndWheneverBuilt() throws IOException {
    Path first = classes(dir.resolve("first/classes"));
    Path second = classes(dir.resolve("second/elsewhere/classes"));
    Files.setLastModifiedTime(
        second.resolve("log4j2.xml"), FileTime.from(Instant.parse("2031-05-06T07:08:09Z")));
    Path dependency = jar(dir.resolve("dep.jar"));
    Path one = build(first, dependency, dir.resolve("one.zip"));
    TimeZone zone = TimeZone.getDefault();
    Path two;
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      two = build(second, dependency, dir.resolve("two.zip"));
    } finally {
      TimeZone.setDefault(zone);
    }

    assertThat(Files.readAllBytes(two)).isEqualTo(Files.readAllBytes(one));
    assertThat(new String(Files.readAllBytes(one), StandardCharsets.ISO_8859_1))
        .doesNotContain(dir.toString());
  }

  @Test
  void filesAre644AndDirectories755() throws IOException {
    Path zip = build(classes(dir.resolve("c")), jar(dir.resolve("dep.jar")), dir.resolve("p.zip"));
    try (FileSystem fs =
        FileSystems.newFileSystem(
            URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", true))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath("lib"))))
          .isEqualTo("rwxr-xr-x");
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(fs.getPath("lib/dep.jar"))))
          .isEqualTo("rw-r--r--");
    }
  }

  @Test
  void theTimestampCanBeSet() throws IOException {
    Path zip =
        FunctionPackage.builder()
            .classes(classes(dir.resolve("c")))
            .timestamp(Instant.parse("2026-12-04T10:20:30Z"))
            .output(dir.resolve("t.zip"))
            .build()
            .zip();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      assertThat(file.getEntry("log4j2.xml").getTimeLocal()).isEqualTo("2026-12-04T10:20:30");
    }
  }

  @Test
  void linkedDirectoriesShipTheirFiles() throws IOException {
    Path classes = classes(dir.resolve("c"));
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.writeString(shared.resolve("messages.properties"), "hello=Hello\n");
    Files.createSymbolicLink(classes.resolve("i18n"), shared);

    FunctionPackage written =
        FunctionPackage.builder().classes(classes).output(dir.resolve("l.zip")).build();

    assertThat(written.entries()).contains("i18n/", "i18n/messages.properties");
  }

  @Test
  void missingInputsAndClashingNamesAreNamed() throws IOException {
    Path missing = dir.resolve("nowhere");
    assertThatThrownBy(
            () -> FunctionPackage.builder().classes(missing).output(dir.resolve("x.zip")).build())
        .isInstanceOf(PackagingException.class)
        .hasMessage("Classes directory not found: " + missing);

    Path one = jar(dir.resolve("one/dep.jar"));
    Path two = jar(dir.resolve("two/dep.jar"));
    assertThatThrownBy(
            () ->
                FunctionPackage.builder()
                    .dependencies(List.of(one, two))
                    .output(dir.resolve("x.zip"))
                    .build())
        .hasMessage("Two inputs make the entry lib/dep.jar: " + one + " and " + two);
    assertThat(dir.resolve("x.zip")).doesNotExist();
  }

  static Path classes(Path root) throws IOException {
    Files.createDirectories(root.resolve("example"));
    Files.write(root.resolve("example/Handler.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1});
    Files.writeString(root.resolve("log4j2.xml"), "<Configuration/>");
    return root;
  }

  static Path jar(Path file, String... nameAndContent) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry entry = new ZipEntry("dep/Dep.class");
      entry.setTime(0);
      zip.putNextEntry(entry);
      zip.write(new byte[] {1, 2, 3});
      for (int i = 0; i < nameAndContent.length; i += 2) {
        ZipEntry extra = new ZipEntry(nameAndContent[i]);
        extra.setTime(0);
        zip.putNextEntry(extra);
        zip.write(nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  private static Path build(Path classes, Path dependency, Path zip) {
    return FunctionPackage.builder()
        .classes(classes)
        .dependencies(List.of(dependency))
        .output(zip)
        .build()
        .zip();
  }

  static List<String> names(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
        names.add(e.nextElement().getName());
      }
    }
    return names;
  }
}
