# finchat_add_test(NAME tst_x SOURCES ... [LIBRARIES ...])
# One QTest executable per test case, registered with ctest. Widgets run offscreen so tests
# need no display; QT_FORCE_STDERR_LOGGING keeps server logs in the ctest output.
set(FINCHAT_TEST_ENVIRONMENT
    "QT_QPA_PLATFORM=offscreen;QT_FORCE_STDERR_LOGGING=1;QT_LOGGING_RULES=finchat.*.debug=false")

function(finchat_add_test)
    cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBRARIES" ${ARGN})
    qt_add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test FinChat::CompilerOptions ${ARG_LIBRARIES})
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    set_tests_properties(${ARG_NAME} PROPERTIES ENVIRONMENT "${FINCHAT_TEST_ENVIRONMENT}")
endfunction()
