/** The part of s3rver 3.x the local runtime uses; the package ships no types. */
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    /** Where buckets and objects are kept on disk. */
    directory?: string;
    /** No request log on the console. */
    silent?: boolean;
    resetOnClose?: boolean;
    vhostBuckets?: boolean;
    /** Created on run(); `configs` are XML documents such as a CORSConfiguration. */
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  export default class S3rver {
    constructor(options?: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
