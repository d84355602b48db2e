// The compatibility tests on the official runner and SDK: proof that they test what the
// official library does, so ours passing them means something.
import { compatibilitySuite } from "./compatibility.test-support.js";

compatibilitySuite();
