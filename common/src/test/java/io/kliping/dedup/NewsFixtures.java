package io.kliping.dedup;

/** Hand-written news-like texts for the dedup tests: stories, syndicated variants, look-alikes. */
final class NewsFixtures {

  /** Story A: floods in Jakarta. */
  static final String JAKARTA_FLOOD =
      """
      Heavy rain that fell since Sunday evening flooded at least forty neighbourhoods in East and \
      North Jakarta, forcing more than three thousand residents to leave their homes on Monday \
      morning. The Jakarta Disaster Mitigation Agency said water levels in Kampung Melayu reached \
      one hundred and eighty centimetres before dawn, the highest reading this year. Rescue teams \
      used rubber boats to evacuate elderly residents and children to temporary shelters set up in \
      mosques and school buildings.

      A spokesperson for the governor, Rina Hartati, told reporters that the city had deployed two \
      hundred mobile pumps and that the main floodgates at Manggarai were operating at full \
      capacity. She asked residents living along the Ciliwung river to stay alert because more \
      rain was expected upstream in Bogor. The Meteorology, Climatology and Geophysics Agency \
      warned that extreme weather could continue across the Greater Jakarta area until the end of \
      the week. Several commuter train services between Manggarai and Bogor were suspended after \
      tracks near Cawang were submerged, and traffic on the inner city toll road slowed to a crawl.
      """;

  /** Story A as another outlet ran it: its own headline on top, a boilerplate line below. */
  static final String JAKARTA_FLOOD_WITH_HEADLINE =
      "JAKARTA FLOODS: THOUSANDS EVACUATED AS RIVERS BURST THEIR BANKS\n\n"
          + JAKARTA_FLOOD
          + "\nFollow our channel for the latest news updates every day.";

  /** Story A with one sentence reworded by an editor. */
  static final String JAKARTA_FLOOD_EDITED =
      JAKARTA_FLOOD.replace(
          "used rubber boats to evacuate elderly residents and children to temporary shelters",
          "used inflatable boats to move elderly residents and young children to temporary shelters");

  /**
   * Story B: a different flood, same topic and week, sharing two sentences with story A (the
   * weather agency warning and the rescue sentence), as wire copy often does.
   */
  static final String SEMARANG_FLOOD =
      """
      Floodwater up to one metre deep inundated the Kaligawe area of Semarang on Tuesday after the \
      Banjir Kanal Timur overflowed, cutting the main coastal road between Semarang and Demak for \
      most of the day. Hundreds of trucks carrying goods to Surabaya were stranded for hours while \
      police diverted smaller vehicles through village roads. Rescue teams used rubber boats to \
      evacuate elderly residents and children to temporary shelters set up in mosques and school \
      buildings.

      The head of the Central Java disaster agency said that tidal flooding made the situation \
      worse because seawater blocked the river mouths during high tide. The Meteorology, \
      Climatology and Geophysics Agency warned that extreme weather could continue across the \
      Greater Jakarta area until the end of the week. Local traders in the Kaligawe market said \
      they had lost stock worth tens of millions of rupiah and asked the city to speed up the \
      construction of the sea wall promised two years ago.
      """;

  /** Story C: monetary policy, unrelated to the floods. */
  static final String RATE_DECISION =
      """
      Bank Indonesia kept its benchmark interest rate unchanged at six percent on Wednesday, saying \
      the decision was consistent with efforts to keep inflation within the target range and to \
      stabilise the rupiah amid global uncertainty. Governor Perry Warjiyo said the central bank \
      would continue to intervene in the foreign exchange market when needed and expected economic \
      growth of between four point seven and five point five percent this year. Analysts had \
      widely expected the pause after the rupiah weakened past sixteen thousand per dollar last \
      month.
      """;

  /** Story D: football. */
  static final String FOOTBALL =
      """
      Persib Bandung climbed to the top of the league table after a two nil win over Persija \
      Jakarta in front of a sold out crowd at the Si Jalak Harupat stadium on Saturday night. Both \
      goals came in the second half, the first from a header after a corner and the second from a \
      counter attack in stoppage time. The coach praised the discipline of his defence and said \
      the team would rotate several players for the midweek cup match against Bali United.
      """;

  /** Story E: transport. */
  static final String MRT_EXTENSION =
      """
      The second phase of the Jakarta MRT north south line will open to passengers in stages from \
      next year, the operator said on Thursday, starting with the underground stretch between \
      Bundaran HI and Harmoni. Construction of the remaining stations towards Kota has been slowed \
      by the discovery of colonial era foundations that archaeologists must document before \
      tunnelling can continue. Ridership on the existing line has recovered to more than one \
      hundred thousand passengers a day, above the level recorded before the pandemic.
      """;

  /** Boilerplate some outlets append, which makes the text longer but not different. */
  static final String BOILERPLATE = "\nRead the full story and other news on our website.";

  private NewsFixtures() {}
}
