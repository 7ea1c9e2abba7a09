# cmake -P script for the sdk_builds_example_bot test: installs the "sdk" component of the
# FinChat build in BINARY_DIR into WORK_DIR/prefix, then builds the example bot in
# SOURCE_DIR against it, as a third party would, and installs the plugin where the SDK says
# plugins go (FINCHAT_PLUGIN_DIR, under that prefix).
foreach(variable BINARY_DIR SOURCE_DIR WORK_DIR GENERATOR QT_DIR)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "${variable} is not set")
    endif()
endforeach()

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        string(REPLACE ";" " " command "${ARGN}")
        message(FATAL_ERROR "failed (${result}): ${command}")
    endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
run(${CMAKE_COMMAND} --install "${BINARY_DIR}" --component sdk --prefix "${WORK_DIR}/prefix")
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
    -DCMAKE_BUILD_TYPE=Release
    "-DCMAKE_INSTALL_PREFIX=${WORK_DIR}/prefix"
    "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix"
    "-DQt6_DIR=${QT_DIR}")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run(${CMAKE_COMMAND} --install "${WORK_DIR}/build")
message(STATUS "example bot built and installed into the prefix's plugin folder")
