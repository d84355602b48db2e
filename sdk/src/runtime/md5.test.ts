import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { md5Hex } from "./md5.js";
import { hashOperationId } from "./operation-id.js";

describe("md5Hex", () => {
  it("matches the RFC 1321 test vectors", () => {
    expect(md5Hex("")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(md5Hex("abc")).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(md5Hex("message digest")).toBe("f96b697d7cb7938d525a2f31aaf161d0");
    expect(md5Hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890")).toBe(
      "57edf4a22be3c955ac49da2e2107b67a",
    );
  });

  it("agrees with Node's MD5 on UTF-8 input of every padding length", () => {
    for (let n = 0; n < 140; n++) {
      const s = "é".repeat(n % 7) + "x".repeat(n);
      expect(md5Hex(s)).toBe(createHash("md5").update(s, "utf8").digest("hex"));
    }
  });
});

describe("hashOperationId", () => {
  it("derives ids as the official JS SDK does", () => {
    expect(hashOperationId("1")).toBe("c4ca4238a0b92382");
    expect(hashOperationId("2")).toBe("c81e728d9d4c2f63");
    expect(hashOperationId("1-1")).toBe("ea66c06c1e1c05fa");
    expect(hashOperationId("1-1-1")).toBe("2f221a18eb863803");
  });
});
