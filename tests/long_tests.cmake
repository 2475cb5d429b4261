# Included by ctest after the discovered tests (TEST_INCLUDE_FILES). ctest starts the costliest
# tests first, but a clean clone has no cost data from an earlier run, so it would start them in
# the order they are defined, and DAISY Ace on War and Peace (the longest test) would start
# near the end and finish alone. These estimates, in seconds on a two-core machine, stand in
# until ctest has measured the real ones.
set(pamphlet_long_tests
  "AceFindsNoViolation/tolstoy_war_and_peace" 60
  "PageListMatchesThePrintEditionAndEpubcheckIsClean/tolstoy_war_and_peace" 35
  "WordList.AnswersAsHunspellForEveryWordItDecides" 15)
foreach(layer model readers layout epub pdf cli)
  foreach(test_name IN LISTS test_${layer}_TESTS)
    set(remaining ${pamphlet_long_tests})
    while(remaining)
      list(POP_FRONT remaining pattern cost)
      string(FIND "${test_name}" "${pattern}" found)
      if(NOT found EQUAL -1)
        set_tests_properties("${test_name}" PROPERTIES COST ${cost})
      endif()
    endwhile()
  endforeach()
endforeach()
