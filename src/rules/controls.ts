// The control references rules cite, written once so that every rule (and the report's control mapping, SARIF
// tags and `sidedoor rules`) names a control with the same words.
// ISO/IEC 27001:2022 Annex A titles are quoted; NIS2 Directive (EU) 2022/2555 Art. 21(2) points are abridged.

export const NIS2 = {
  incidentHandling: 'Art. 21(2)(b) incident handling',
  businessContinuity: 'Art. 21(2)(c) business continuity',
  supplyChain: 'Art. 21(2)(d) supply chain security',
  secureDevelopment: 'Art. 21(2)(e) security in acquisition, development and maintenance, including vulnerability handling',
  effectiveness: 'Art. 21(2)(f) assessing the effectiveness of risk-management measures',
  cryptography: 'Art. 21(2)(h) cryptography and encryption',
  accessControl: 'Art. 21(2)(i) access control policies and asset management',
  multiFactor: 'Art. 21(2)(j) multi-factor authentication',
} as const;
