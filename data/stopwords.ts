/**
 * Common English words that must never be an alias without context words: a pack that
 * made "party", "law" or "commerce" highlight everywhere would bury the real mentions.
 * Short on purpose; it catches the obvious mistakes, reviewers catch the rest.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above act after again against agency alliance all also an and any are as at back bank be
  because been before being below between board both bureau but by can case center centre chief china
  city commerce commission company could council court day department did do does down during each
  east europe european even federal few first for from further general government group had has have
  he her here him his house how i if in into is it its just law list many market may me minister
  ministry more most my national nation new no nor not now of office official on once one only or
  other our out over own party people police policy president quite report same security she should
  so some state states still such than that the their them then there these they this those through
  to too trade treasury under union until up us very war was we were west what when where which while
  who why will with world would year you your blacklist entity entities network networks summit deal`
    .split(/\s+/)
    .filter(Boolean),
);
