/** R-PH-5: an estate's PBX settings: the webhook's signing secret and the generic CSV's mapping (JSON). */
export interface PbxSettingsTable {
  estate_id: string;
  secret: string | null;
  secret_set_at: string | null;
  csv_mapping: string | null;
  updated_at: string;
}

/** An extension of the estate's PBX and who answers it. */
export interface PbxExtensionTable {
  estate_id: string;
  extension: string;
  staff_id: string | null;
  label: string | null;
}

/** A call as the PBX measured it: one per PBX call id and estate, from its events or an imported record. */
export interface PbxCallTable {
  id: string;
  estate_id: string;
  pbx_call_id: string;
  from_number: string;
  caller_name: string | null;
  extension: string;
  staff_id: string | null;
  /** ringing | answered | ended | missed */
  state: string;
  /** answered | no_answer | busy | failed, once known */
  disposition: string | null;
  ringing_at: string;
  answered_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  /** event | import */
  source: string;
  call_log_id: string | null;
  callback_message_id: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../platform/db/schema.js' {
  interface Database {
    pbx_settings: PbxSettingsTable;
    pbx_extensions: PbxExtensionTable;
    pbx_calls: PbxCallTable;
  }
}
