/**
 * The Pyroscope request messages ciprof sends, written with the field numbers of
 * grafana/pyroscope v2.2.1 (commit df3c0391b7dfc9c9577a55be4ebfcf2f0ac65d71):
 *   api/push/v1/push.proto        PushRequest{series=1}, RawProfileSeries{labels=1, samples=2},
 *                                 RawSample{raw_profile=1, ID=2}
 *   api/types/v1/types.proto      LabelPair{name=1, value=2}
 *   api/querier/v1/querier.proto  SelectMergeProfileRequest{profile_typeID=1,
 *                                 label_selector=2, start=3, end=4}
 * The tests decode these with protobufjs loading the transcribed .proto files
 * (test/fixtures/pyroscope/), independently of this encoder.
 */
import { ProtoWriter } from './wire.js';

export interface LabelPair {
  name: string;
  value: string;
}

export interface RawProfileSeries {
  labels: LabelPair[];
  samples: { rawProfile: Uint8Array; id?: string }[];
}

export function encodePushRequest(series: RawProfileSeries[]): Buffer {
  const w = new ProtoWriter();
  for (const s of series) {
    w.message(1, (sw) => {
      for (const l of s.labels) sw.message(1, (lw) => lw.string(1, l.name).string(2, l.value));
      for (const sample of s.samples) sw.message(2, (rw) => rw.bytes(1, sample.rawProfile).string(2, sample.id ?? ''));
    });
  }
  return w.finish();
}

export interface SelectMergeProfileRequest {
  /** `<name>:<type>:<unit>:<period_type>:<period_unit>`, e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds */
  profileTypeId: string;
  /** `{service_name="app", commit="..."}` */
  labelSelector: string;
  /** Milliseconds since epoch. */
  start: number;
  end: number;
}

export function encodeSelectMergeProfileRequest(req: SelectMergeProfileRequest): Buffer {
  return new ProtoWriter().string(1, req.profileTypeId).string(2, req.labelSelector).int64(3, req.start).int64(4, req.end).finish();
}
