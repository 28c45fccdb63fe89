/** Parent of `MessageAttachment`: the file id; `file` is a reference resolved by documents. */
export interface AttachmentParent {
  fileId: string;
}

/** An entity of another service this subgraph extends, known only by its key. */
export interface SubjectReference {
  id: string;
}
